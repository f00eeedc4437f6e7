public import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The transport of `recall serve`: messages in on stdin, out on stdout.
///
/// A dedicated thread blocks in `read(2)` on the input descriptor, so idle costs nothing and no
/// descriptor is switched to non-blocking mode. Each message goes out as one `write(2)` of
/// `json + "\n"`; stdio buffering is never involved, so nothing waits in a buffer.
public final class StdioTransport: MessageTransport {
    private let input: Int32
    private let output: Int32
    /// Set once a write fails (the client went away); later messages are dropped.
    private let outputBroken = Mutex(false)

    /// A transport over the process's stdin and stdout.
    public convenience init() {
        self.init(input: 0, output: 1)
    }

    /// A transport over any pair of descriptors, such as pipes in tests.
    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// Starts the reader thread; the stream ends at end of input or on a read error.
    public func receive() -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream.makeStream(of: Data.self)
        let descriptor = input
        let thread = Thread {
            Self.readLines(from: descriptor, into: continuation)
        }
        thread.name = "recall-stdin"
        thread.start()
        return stream
    }

    /// Writes `message + "\n"` with one `write(2)`, retrying only what a short write left.
    public func send(_ message: Data) {
        var bytes = message
        bytes.append(0x0A)
        outputBroken.withLock { broken in
            guard !broken else { return }
            broken = !Self.writeAll(bytes, to: output)
        }
    }

    /// Nothing to release: the descriptors belong to the process.
    public func close() {}

    private static func readLines(from descriptor: Int32, into continuation: AsyncStream<Data>.Continuation) {
        var framer = LineFramer()
        let capacity = 64 * 1024
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = read(descriptor, chunk.baseAddress, capacity)
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                // Someone else made the shared descriptor non-blocking; wait rather than mistake it for EOF.
                waitUntilReady(descriptor, for: Int16(POLLIN))
                continue
            }
            guard count > 0 else { break }
            for line in framer.append(UnsafeRawBufferPointer(rebasing: chunk[0..<count])) {
                continuation.yield(line)
            }
        }
        if let last = framer.finish() { continuation.yield(last) }
        continuation.finish()
    }

    /// False when the descriptor no longer accepts data (EPIPE, EBADF, …).
    private static func writeAll(_ bytes: Data, to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK {
                        waitUntilReady(descriptor, for: Int16(POLLOUT))
                        continue
                    }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Blocks until the descriptor is readable or writable (or has failed, which the next call reports).
    private static func waitUntilReady(_ descriptor: Int32, for events: Int16) {
        var request = pollfd(fd: descriptor, events: events, revents: 0)
        _ = poll(&request, 1, -1)
    }
}
