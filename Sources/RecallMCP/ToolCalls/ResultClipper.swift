import RecallCore

/// Shortens the long strings of a result until it fits the result limit.
///
/// A write has already happened: failing it would tell the model its memory was not saved, and
/// a retry would repeat the write. So the write's result is kept, with long texts (an echoed
/// 100,000 character memory) cut and marked, and the ids and counts that matter intact.
///
/// A read that lists items (see `ReadClipping`) is cut the same way, but only inside its items,
/// and each marker says where the whole item can be read. Other reads that are too large fail
/// with advice to page or narrow, and the model asks again.
enum ResultClipper {
    /// The lengths long strings are cut to, in unicode scalars (what the limit counts), tried
    /// in turn until the result fits.
    static let steps = [2_000, 200]

    /// A write's result with every long string cut so its JSON is at most `maximumCharacters`;
    /// nil if even the shortest cut does not fit.
    static func fitted(_ value: JSONValue, maximumCharacters: Int) -> (value: JSONValue, text: String)? {
        fit(maximumCharacters) { length in
            clip(value, to: length) { rest in "… [\(rest) more characters not shown]" }
        }
    }

    /// A read's result with the long strings of its listed items cut so its JSON is at most
    /// `maximumCharacters`; nil if the result has no such list or even the shortest cut does
    /// not fit.
    static func fitted(
        _ value: JSONValue, maximumCharacters: Int, clipping: ReadClipping
    ) -> (value: JSONValue, text: String)? {
        guard case .object(let members) = value, case .array(let items)? = members[clipping.list] else { return nil }
        let wholes = items.map { $0.objectValue.map(clipping.whereWhole) }
        return fit(maximumCharacters) { length in
            let clippedItems = zip(items, wholes).map { item, whole in
                guard let whole else { return item }
                return clip(item, to: length) { rest in "… [clipped: \(rest) more characters; \(whole)]" }
            }
            return .object(members.merging([clipping.list: .array(clippedItems)]) { _, new in new })
        }
    }

    private static func fit(
        _ maximumCharacters: Int, _ clipped: (Int) -> JSONValue
    ) -> (value: JSONValue, text: String)? {
        for step in steps {
            let value = clipped(step)
            guard let text = try? WireJSON.string(value) else { return nil }
            if text.unicodeScalars.count <= maximumCharacters { return (value, text) }
        }
        return nil
    }

    private static func clip(_ value: JSONValue, to length: Int, marker: (Int) -> String) -> JSONValue {
        switch value {
        case .string(let text):
            guard let head = head(of: text, scalars: length) else { return value }
            return .string(head + marker(text.unicodeScalars.count - head.unicodeScalars.count))
        case .array(let items):
            return .array(items.map { clip($0, to: length, marker: marker) })
        case .object(let members):
            return .object(members.mapValues { clip($0, to: length, marker: marker) })
        default:
            return value
        }
    }

    /// The start of `text` with at most `length` unicode scalars; nil when it is that short.
    ///
    /// The cut falls between characters, except that a first character longer than `length`
    /// (thousands of combining marks) is cut through rather than kept whole.
    private static func head(of text: String, scalars length: Int) -> String? {
        guard text.unicodeScalars.count > length else { return nil }
        var end = text.startIndex
        var used = 0
        while end < text.endIndex {
            let next = text.index(after: end)
            let size = text.unicodeScalars[end..<next].count
            if used + size > length { break }
            used += size
            end = next
        }
        if end == text.startIndex {
            return String(String.UnicodeScalarView(text.unicodeScalars.prefix(length)))
        }
        return String(text[..<end])
    }
}
