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
    /// Foundation's `.convertToSnakeCase` turns `chatIDs` into `chat_i_ds`: here a capital starts a
    /// word after a lowercase letter or digit, or when it begins a capitalised word after an acronym
    /// (`URLPath` → `url_path`), but a trailing `s` only makes an acronym plural. Only property names
    /// pass through here: dictionary keys (tags, metadata) stay as the user wrote them.
    static func snakeCase(_ name: String) -> String {
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
}

/// A coding key carrying an already converted name.
private struct SnakeCaseKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
