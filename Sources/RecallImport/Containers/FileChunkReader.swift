import Foundation

/// Streams a file from disk in fixed-size chunks, so memory does not grow with the file.
enum FileChunkReader {
    /// Calls `consume` with each chunk in order, then closes the handle.
    ///
    /// A failing read becomes
    /// an `ExportReadInterruption`; errors from `consume` pass through unchanged.
    static func read(_ handle: FileHandle, chunkSize: Int, _ consume: (Data) throws -> Void) throws {
        defer { try? handle.close() }
        while true {
            let chunk: Data
            do {
                guard let next = try handle.read(upToCount: chunkSize), !next.isEmpty else { return }
                chunk = next
            } catch {
                throw ExportReadInterruption("reading failed (\(error.localizedDescription))")
            }
            try consume(chunk)
        }
    }

    /// Whether a file's first four bytes start a ZIP archive (`PK\3\4`, or `PK\5\6` for an empty one).
    static func isZIP(head: Data) -> Bool {
        let bytes = Array(head.prefix(4))
        return bytes == [0x50, 0x4B, 3, 4] || bytes == [0x50, 0x4B, 5, 6]
    }
}
