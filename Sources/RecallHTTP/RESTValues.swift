import Foundation
import RecallCore

/// Small conversions shared by the REST routes.
enum RESTValues {
    /// A date as ISO 8601 with fractional seconds dropped, or null.
    static func json(_ date: Date?) -> JSONValue {
        guard let date else { return .null }
        return .string(date.formatted(.iso8601))
    }

    /// An optional string as JSON.
    static func json(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// An optional number as JSON.
    static func json(_ number: Double?) -> JSONValue {
        number.map(JSONValue.double) ?? .null
    }

    /// Reads `2026-01-31` or a full ISO 8601 date-time.
    static func date(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// A string-or-number field (latitude "59.9" or 59.9), nil when absent.
    static func number(_ value: JSONValue?, field: String) throws -> Double? {
        switch value {
        case nil, .null?: return nil
        case .int(let number)?: return Double(number)
        case .double(let number)?: return number
        case .string(let text)?:
            guard let number = Double(text) else { throw APIError.invalid(field, "Expected a number") }
            return number
        default: throw APIError.invalid(field, "Expected a number")
        }
    }

    /// `[{role, content}]` from a JSON body field; "Required" when absent, as the services say.
    static func turns(_ value: JSONValue?, field: String) throws -> [ChatTurn] {
        guard let value, value != .null else { throw APIError.invalid(field, "Required") }
        guard let items = value.arrayValue, !items.isEmpty else {
            throw APIError.invalid(field, "Expected a non-empty array of {role, content}")
        }
        return try items.enumerated().map { index, item in
            guard let content = item["content"]?.stringValue else {
                throw APIError.invalid("\(field).\(index).content", "Required")
            }
            let role = item["role"]?.stringValue ?? "user"
            return ChatTurn(role: role, content: content)
        }
    }
}
