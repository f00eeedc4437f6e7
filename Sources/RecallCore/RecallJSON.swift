public import Foundation

/// The JSON both adapters write, so `recall --json` and the MCP tools never drift apart:
/// snake_case keys (`chatID` → `chat_id`, `memoryIDs` → `memory_ids`), ISO-8601 dates, sorted keys.
public enum RecallJSON {
    /// An encoder for results; `pretty` adds indentation for people.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in SnakeKey(snakeCase(path.last?.stringValue ?? "")) }
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `sourceMessageID` → `source_message_id`; an acronym stays one word (`IDs` → `ids`).
    public static func snakeCase(_ key: String) -> String {
        var words: [String] = []
        var current = ""
        let characters = Array(key)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let previous = index > 0 ? characters[index - 1] : nil
            if character.isUppercase, let previous, !current.isEmpty {
                // A new word starts at an upper-case letter after a lower-case one, or at the last
                // capital of an acronym followed by a lower-case letter other than a plural "s".
                let afterLower = previous.isLowercase || previous.isNumber
                let acronymEnd = previous.isUppercase && (next?.isLowercase ?? false) && !(next == "s" && index + 2 >= characters.count)
                if afterLower || acronymEnd {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }.joined(separator: "_")
    }

    private struct SnakeKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
