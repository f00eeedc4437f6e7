import Foundation
import Hummingbird
import NIOCore

/// Fields of a URL-encoded form, from a query string or an `application/x-www-form-urlencoded`
/// body, in order, with repeated names kept (`tag=a&tag=b`).
struct WebForm: Sendable {
    /// The decoded pairs, in order.
    let pairs: [(name: String, value: String)]

    /// Decodes `a=1&b=x+y` (`+` is a space, as browsers send it).
    init(encoded: String) {
        pairs = encoded.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The query string of a request.
    init(query request: Request) {
        self.init(encoded: request.uri.query ?? "")
    }

    /// The body of a form post, refused past `limit` bytes.
    static func body(_ request: Request, limit: Int) async throws -> WebForm {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw WebError(status: .contentTooLarge, message: "The form is larger than \(limit) bytes.")
        }
        return WebForm(encoded: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    /// The first non-empty value of a field, trimmed.
    func string(_ name: String) -> String? {
        for pair in pairs where pair.name == name {
            let value = pair.value.trimmingCharacters(in: .whitespacesAndNewlines)
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// The value of a field as sent, empty when absent (a text area may be cleared on purpose).
    func raw(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every non-empty value of a repeated field.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Comma-separated tags from one field.
    func tags(_ name: String) -> [String] {
        (string(name) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    /// An integer, or nil when absent or not a number.
    func int(_ name: String) -> Int? {
        string(name).flatMap { Int($0) }
    }

    /// A date as `YYYY-MM-DD` (a date input's value), at the start (or end) of that day in UTC.
    func date(_ name: String, endOfDay: Bool = false) throws -> Date? {
        guard let text = string(name) else { return nil }
        guard let date = RESTValues.date(text) else {
            throw WebError(status: .badRequest, message: "“\(text)” in \(name) is not a date; write it as 2026-01-31.")
        }
        return endOfDay && text.count == 10 ? date.addingTimeInterval(86_399) : date
    }

    /// True when the box was ticked.
    func flag(_ name: String) -> Bool {
        ["on", "true", "1", "yes"].contains(string(name)?.lowercased() ?? "")
    }

    /// This form re-encoded without some fields (for links that change one filter).
    func encoded(without names: Set<String> = [], adding extra: [(String, String)] = []) -> String {
        (pairs.filter { !names.contains($0.name) && !$0.value.isEmpty } + extra.map { (name: $0.0, value: $0.1) })
            .map { "\(HTML.query($0.name))=\(HTML.query($0.value))" }.joined(separator: "&")
    }
}
