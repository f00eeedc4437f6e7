import Foundation

/// The JSON the CLI prints with `--json`: the wire shape of the MCP tools, made readable.
///
/// Keys are snake_case, dates ISO-8601, keys sorted, output pretty-printed.
enum JSONOutput {
    /// An encoder configured for CLI output.
    static func makeEncoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in
            SnakeCaseKey(path.last.map { snakeCase($0.stringValue) } ?? "")
        }
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys]
        return encoder
    }

    /// Encodes a value as pretty JSON text.
    static func string(_ value: some Encodable) throws -> String {
        String(decoding: try makeEncoder().encode(value), as: UTF8.self)
    }

    /// `importID` → `import_id`, `chatIDs` → `chat_ids`, `sourceMessageID` → `source_message_id`.
    ///
    /// Foundation's `.convertToSnakeCase` turns `chatIDs` into `chat_i_ds`, so acronyms are
    /// folded to one capital first. Only property names pass through here: dictionary keys
    /// (tags, metadata) are left as the user wrote them.
    static func snakeCase(_ name: String) -> String {
        let folded = name.replacingOccurrences(of: "IDs", with: "Ids").replacingOccurrences(of: "ID", with: "Id")
        var result = ""
        var previous: Character?
        for character in folded {
            if character.isUppercase {
                if let previous, previous.isLowercase || previous.isNumber { result.append("_") }
                result.append(contentsOf: character.lowercased())
            } else {
                result.append(character)
            }
            previous = character
        }
        return result
    }
}

/// A coding key carrying an already converted name.
private struct SnakeCaseKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
