import Foundation

/// Streams a file from disk in fixed-size chunks, so memory does not grow with the file.
enum FileChunkReader {
    /// Opens the file; throws `RecallError(.unreadableFile)` naming it when that fails.
    static func open(_ url: URL, name: String) throws -> FileHandle {
        do {
            return try FileHandle(forReadingFrom: url)
        } catch {
            throw RecallError(.unreadableFile, "Could not open \(name) (\(error.localizedDescription)). Check that it exists and that you may read it.")
        }
    }

    /// Calls `consume` with each chunk in order. A failing read becomes an `ExportReadInterruption`;
    /// errors from `consume` pass through unchanged.
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

    /// Whether the file starts like a ZIP archive (`PK\3\4`, or `PK\5\6` for an empty one).
    static func looksLikeZIP(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4), head.count == 4 else { return false }
        return head.starts(with: [0x50, 0x4B]) && (head.dropFirst(2).elementsEqual([3, 4]) || head.dropFirst(2).elementsEqual([5, 6]))
    }
}
