import Foundation
import Hummingbird
import RecallCore

/// A route's query string, read into typed values; a bad value is a 400 naming the field.
struct QueryParameters {
    private let parameters: Parameters

    init(_ request: Request) {
        parameters = request.uri.queryParameters
    }

    /// The value, or nil when absent or empty.
    func string(_ name: String) -> String? {
        guard let value = parameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// An integer in `range`, `fallback` when absent.
    func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.invalid(name, "Expected an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A number in `range`, or nil.
    func double(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), range.contains(value) else {
            throw APIError.invalid(name, "Expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// `true`/`false` (also `1`/`0`), `fallback` when absent.
    func bool(_ name: String, default fallback: Bool = false) throws -> Bool {
        guard let text = string(name)?.lowercased() else { return fallback }
        switch text {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw APIError.invalid(name, "Expected true or false")
        }
    }

    /// An ISO 8601 date or date-time, or nil.
    func date(_ name: String) throws -> Date? {
        guard let text = string(name) else { return nil }
        guard let date = RESTValues.date(text) else {
            throw APIError.invalid(name, "Expected an ISO 8601 date such as 2026-01-31")
        }
        return date
    }

    /// A platform name, or nil (also for `all`).
    func platform(_ name: String) throws -> Platform? {
        guard let text = string(name)?.lowercased(), text != "all" else { return nil }
        guard let platform = Platform(rawValue: text) else {
            throw APIError.invalid(name, "Expected one of \(Platform.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return platform
    }
}
