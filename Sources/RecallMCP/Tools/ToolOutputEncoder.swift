import Foundation

/// Encodes tool outputs as the wire shows them: snake_case keys, ISO-8601 dates, nil optionals
/// omitted, keys sorted, compact.
///
/// Foundation's `.convertToSnakeCase` turns `memoryIDs` into `memory_i_ds`; `snakeCase(_:)`
/// keeps a plural acronym together (`memory_ids`) and otherwise splits the same way
/// (`sourceMessageID` → `source_message_id`). Dictionary keys (tags, buckets, metadata) are data,
/// not coding keys, and pass through unchanged.
enum ToolOutputEncoder {
    /// The output as compact JSON.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .custom { path in
            let key = path.last.map(\.stringValue) ?? ""
            return SnakeCaseKey(stringValue: snakeCase(key))
        }
        return try encoder.encode(value)
    }

    /// `chatID` → `chat_id`, `memoryIDs` → `memory_ids`, `URLPath` → `url_path`.
    static func snakeCase(_ key: String) -> String {
        let characters = Array(key)
        var result = ""
        for (index, character) in characters.enumerated() {
            guard character.isUppercase else {
                result.append(character)
                continue
            }
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            var startsWord = false
            if let previous, previous.isLowercase || previous.isNumber {
                startsWord = true
            } else if let previous, previous.isUppercase, let next, next.isLowercase {
                // "URLPath": the P starts a word; "IDs": the s only makes the acronym plural.
                let afterNext = index + 2 < characters.count ? characters[index + 2] : nil
                let pluralAcronym = next == "s" && (afterNext.map(\.isUppercase) ?? true)
                startsWord = !pluralAcronym
            }
            if startsWord { result.append("_") }
            result += character.lowercased()
        }
        return result
    }
}

/// A coding key carrying a converted name.
private struct SnakeCaseKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        return nil
    }
}
