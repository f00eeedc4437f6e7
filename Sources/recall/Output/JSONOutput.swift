import Foundation
import RecallCore

/// The JSON the CLI prints with `--json`: the MCP tools' wire shape (`RecallJSON`), pretty-printed.
enum JSONOutput {
    /// An encoder configured for CLI output.
    static func makeEncoder(pretty: Bool = true) -> JSONEncoder {
        RecallJSON.encoder(pretty: pretty)
    }

    /// Encodes a value as pretty JSON text.
    static func string(_ value: some Encodable) throws -> String {
        String(decoding: try makeEncoder().encode(value), as: UTF8.self)
    }

    /// The key conversion both adapters share.
    static func snakeCase(_ name: String) -> String {
        RecallJSON.snakeCase(name)
    }
}
