public import Foundation

/// The JSON both adapters write, so `recall --json` and the MCP tools never drift apart:
/// snake_case keys (`chatID` → `chat_id`, `memoryIDs` → `memory_ids`), ISO-8601 dates, sorted keys.
public enum RecallJSON {
    /// An encoder for results; `pretty` adds indentation for people.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in SnakeKey(snakeCase(path.last?.stringValue ?? "")) }
        // ISO 8601 in the proleptic Gregorian calendar: a date before 1583 prints as it was given.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ProlepticGregorian.iso8601(date))
        }
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `sourceMessageID` → `source_message_id`, `chatIDs` → `chat_ids`, `URLPath` → `url_path`.
    ///
    /// Foundation's `.convertToSnakeCase` turns `chatIDs` into `chat_i_ds`: here a capital starts a
    /// word after a lowercase letter or digit, or when it begins a capitalised word after an acronym,
    /// but a trailing `s` only makes an acronym plural. Dictionary keys (tags, metadata) never pass
    /// through here: they stay as the user wrote them.
    public static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let afterNext = index + 2 < characters.count ? characters[index + 2] : nil
                let pluralAcronym = next == "s" && (afterNext?.isUppercase ?? true)
                if previous.isLowercase || previous.isNumber
                    || (previous.isUppercase && next?.isLowercase == true && !pluralAcronym)
                {
                    result.append("_")
                }
            }
            result.append(contentsOf: character.lowercased())
        }
        return result
    }

    private struct SnakeKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
