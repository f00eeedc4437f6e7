import Foundation

/// Streams one pretty-printed JSON document out piece by piece, so an export never holds the
/// whole store in memory.
///
/// Elements are encoded with `JSONOutput`'s encoder and indented to sit inside a top-level
/// object written by hand in the same layout `JSONEncoder` uses.
final class ExportWriter {
    private let handle: FileHandle
    private let encoder = JSONOutput.makeEncoder()
    private var buffer = Data()
    private var elementsInArray = 0

    /// Writes to an open file handle; the caller closes it.
    init(handle: FileHandle) {
        self.handle = handle
    }

    /// Opens `{`.
    func beginDocument() {
        append("{\n")
    }

    /// Writes `"key" : value,` for a small scalar or object.
    func field(_ key: String, _ value: some Encodable) throws {
        let encoded = String(decoding: try encoder.encode(value), as: UTF8.self)
        append("  \"\(key)\" : \(indented(encoded)),\n")
    }

    /// Opens `"key" : [`.
    func beginArray(_ key: String) {
        append("  \"\(key)\" : [")
        elementsInArray = 0
    }

    /// Writes one array element.
    func element(_ value: some Encodable) throws {
        let encoded = String(decoding: try encoder.encode(value), as: UTF8.self)
        append(elementsInArray == 0 ? "\n    " : ",\n    ")
        append(indented(encoded, by: "    "))
        elementsInArray += 1
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Closes the array and, unless it is the last field, adds the comma.
    func endArray(last: Bool = false) {
        append(elementsInArray == 0 ? "]" : "\n  ]")
        append(last ? "\n" : ",\n")
    }

    /// Writes the last field and closes `}`.
    func endDocument(lastKey: String, _ value: some Encodable) throws {
        let encoded = String(decoding: try encoder.encode(value), as: UTF8.self)
        append("  \"\(lastKey)\" : \(indented(encoded))\n}\n")
        flush()
    }

    /// Hands what is buffered to the file.
    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private func indented(_ json: String, by prefix: String = "  ") -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + prefix)
    }
}
