import Foundation

/// The one place JSON is written: compact, keys sorted (so output is deterministic), slashes
/// left alone (`/` stays `/`), every string escaped as JSON requires.
enum WireJSON {
    /// Encodes a value as compact JSON.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Encodes a value as compact JSON text.
    static func string(_ value: some Encodable) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }
}

extension WireJSON {
    /// Encodes a value as indented JSON with sorted keys, for files people read and diff.
    static func prettyString(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
