import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into lines: LF ends a line, a CR before it is dropped, blank lines are
/// skipped, and a line may be any length.
///
/// Each byte is scanned once, so a message of many megabytes arriving in small chunks costs
/// linear time, and several messages in one chunk come out in order.
struct LineFramer: Sendable {
    private var buffer: [UInt8] = []
    /// How much of `buffer` is already known to hold no LF.
    private var scanned = 0

    /// Adds a chunk and returns the lines it completed.
    mutating func append(_ chunk: some Sequence<UInt8>) -> [Data] {
        buffer.append(contentsOf: chunk)
        var lines: [Data] = []
        var lineStart = 0
        var index = scanned
        buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            while index < bytes.count {
                guard let found = memchr(base + index, 0x0A, bytes.count - index) else { break }
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if let line = Self.line(bytes[lineStart..<newline]) { lines.append(line) }
                lineStart = newline + 1
                index = newline + 1
            }
        }
        if lineStart > 0 { buffer.removeFirst(lineStart) }
        scanned = buffer.count
        return lines
    }

    /// Ends the stream and returns the last line if it had no line ending.
    mutating func finish() -> Data? {
        defer {
            buffer = []
            scanned = 0
        }
        return Self.line(buffer[...])
    }

    /// The line's bytes without a trailing CR, or nil when only whitespace is left.
    private static func line(_ bytes: some BidirectionalCollection<UInt8>) -> Data? {
        var end = bytes.endIndex
        if end > bytes.startIndex, bytes[bytes.index(end, offsetBy: -1)] == 0x0D {
            end = bytes.index(end, offsetBy: -1)
        }
        let content = bytes[bytes.startIndex..<end]
        let isBlank = content.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        return isBlank ? nil : Data(content)
    }
}
