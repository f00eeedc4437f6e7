import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into lines: LF ends a line, a CR before it is dropped, blank lines are
/// skipped, and a line may be up to `maximumLineLength` bytes.
///
/// Each byte is scanned once, so a message of many megabytes arriving in small chunks costs
/// linear time, and several messages in one chunk come out in order. A longer line is not
/// buffered: its bytes are dropped up to its LF and it comes out as `oversizedLine`, so a
/// client that never sends a newline cannot exhaust memory.
struct LineFramer: Sendable {
    /// The default ceiling for one message: far above any real request (`add_memory` content
    /// is capped at 100,000 characters), far below what would strain memory.
    static let defaultMaximumLineLength = 64 << 20

    /// Stands for a line that was over the limit.
    ///
    /// Blank lines are never emitted, so an empty
    /// line cannot be mistaken for one the client sent.
    static let oversizedLine = Data()

    /// The longest line kept, in bytes, without its line ending.
    let maximumLineLength: Int
    private var buffer: [UInt8] = []
    /// How much of `buffer` is already known to hold no LF.
    private var scanned = 0
    /// True while dropping the rest of a line that went over the limit.
    private var discarding = false

    /// Creates a framer that keeps lines up to `maximumLineLength` bytes.
    init(maximumLineLength: Int = LineFramer.defaultMaximumLineLength) {
        self.maximumLineLength = maximumLineLength
    }

    /// Adds a chunk and returns the lines it completed.
    mutating func append(_ chunk: some Sequence<UInt8>) -> [Data] {
        buffer.append(contentsOf: chunk)
        var lines: [Data] = []
        var lineStart = 0
        var index = scanned
        let limit = maximumLineLength
        var discarding = self.discarding
        buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            while index < bytes.count {
                guard let found = memchr(base + index, 0x0A, bytes.count - index) else { break }
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if discarding || newline - lineStart > limit + 1 {
                    lines.append(Self.oversizedLine)
                    discarding = false
                } else if let line = Self.line(bytes[lineStart..<newline], limit: limit) {
                    lines.append(line)
                }
                lineStart = newline + 1
                index = newline + 1
            }
        }
        if lineStart > 0 { buffer.removeFirst(lineStart) }
        if discarding || buffer.count > limit + 1 {
            // Keep nothing of an oversized line; only its end (the next LF) matters now.
            discarding = true
            buffer = []
        }
        self.discarding = discarding
        scanned = buffer.count
        return lines
    }

    /// Ends the stream and returns the last line if it had no line ending.
    mutating func finish() -> Data? {
        defer {
            buffer = []
            scanned = 0
            discarding = false
        }
        return discarding ? Self.oversizedLine : Self.line(buffer[...], limit: maximumLineLength)
    }

    /// The line's bytes without a trailing CR, `oversizedLine` when that is still too long,
    /// or nil when only whitespace is left.
    private static func line(_ bytes: some BidirectionalCollection<UInt8>, limit: Int) -> Data? {
        var end = bytes.endIndex
        if end > bytes.startIndex, bytes[bytes.index(end, offsetBy: -1)] == 0x0D {
            end = bytes.index(end, offsetBy: -1)
        }
        let content = bytes[bytes.startIndex..<end]
        let isBlank = content.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        if isBlank { return nil }
        return content.count > limit ? oversizedLine : Data(content)
    }
}
