import Foundation

/// JSON text columns (tags, attachments, metadata): compact, sorted, never failing loudly.
enum JSONColumn {
    /// Encodes a value as compact JSON text with sorted keys, so equal values give equal text.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes JSON text, or nil when it does not hold a `T`.
    static func decode<T: Decodable>(_ type: T.Type, from text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// Decodes a JSON array of strings, or [] when it is not one.
    static func decodeStrings(_ text: String) -> [String] {
        decode([String].self, from: text) ?? []
    }

    /// Tags trimmed, de-duplicated and sorted, so the same set is stored the same way.
    static func normalizedTags(_ tags: [String]) -> [String] {
        Array(Set(tags.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty })).sorted()
    }
}
