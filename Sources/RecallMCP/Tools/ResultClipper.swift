import RecallCore

/// Shortens the long strings of a write's result until it fits the result limit.
///
/// A read that is too large fails with advice to page, and the model asks again. A write has
/// already happened: failing it would tell the model its memory was not saved, and a retry
/// would repeat the write. So the write's result is kept, with long texts (an echoed 100,000
/// character memory) cut and marked, and the ids and counts that matter intact.
enum ResultClipper {
    /// The lengths long strings are cut to, tried in turn until the result fits.
    static let steps = [2_000, 200]

    /// The value with long strings cut so its JSON is at most `maximumCharacters`; nil if even
    /// the shortest cut does not fit.
    static func fitted(_ value: JSONValue, maximumCharacters: Int) -> (value: JSONValue, text: String)? {
        for step in steps {
            let clipped = clip(value, to: step)
            guard let text = try? WireJSON.string(clipped) else { return nil }
            if text.unicodeScalars.count <= maximumCharacters { return (clipped, text) }
        }
        return nil
    }

    private static func clip(_ value: JSONValue, to length: Int) -> JSONValue {
        switch value {
        case .string(let text) where text.count > length:
            let rest = text.count - length
            return .string(String(text.prefix(length)) + "… [\(rest) more characters not shown]")
        case .array(let items):
            return .array(items.map { clip($0, to: length) })
        case .object(let members):
            return .object(members.mapValues { clip($0, to: length) })
        default:
            return value
        }
    }
}
