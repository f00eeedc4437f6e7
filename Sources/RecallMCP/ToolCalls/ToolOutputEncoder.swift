import Foundation
import RecallCore

/// Encodes tool outputs as the wire shows them: RecallCore's shared JSON (snake_case keys,
/// ISO-8601 dates, sorted keys), compact, nil optionals omitted — the same as `recall --json`.
enum ToolOutputEncoder {
    /// The output as compact JSON.
    static func encode(_ value: some Encodable) throws -> Data {
        try RecallJSON.encoder().encode(value)
    }

    /// `chatID` → `chat_id`, `memoryIDs` → `memory_ids`, `URLPath` → `url_path`.
    static func snakeCase(_ key: String) -> String {
        RecallJSON.snakeCase(key)
    }
}
