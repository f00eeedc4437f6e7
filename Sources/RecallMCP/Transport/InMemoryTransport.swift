public import Foundation
import Synchronization

/// A transport held in memory, for driving a server from tests in the same process.
///
/// The client side writes raw bytes, exactly as a client would write to a pipe (partial lines,
/// several lines at once, CRLF), and they pass through the same framing as stdin does. What the
/// server writes comes out of `output`, one line per message.
///
/// ```swift
/// let transport = InMemoryTransport()
/// let server = Task { await RecallServer(recall: .inMemory(), version: "1").run(transport: transport) }
/// transport.write(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"# + "\n")
/// transport.closeInput()
/// for await line in transport.output { … }
/// await server.value
/// ```
public final class InMemoryTransport: MessageTransport {
    private let framer = Mutex(LineFramer())
    private let inbound: AsyncStream<Data>
    private let inboundContinuation: AsyncStream<Data>.Continuation
    private let outboundContinuation: AsyncStream<String>.Continuation

    /// Every message the server wrote, one line each without its line ending; finishes when the
    /// server stops.
    public let output: AsyncStream<String>

    /// Creates a transport with nothing written either way.
    public init() {
        (inbound, inboundContinuation) = AsyncStream.makeStream(of: Data.self)
        (output, outboundContinuation) = AsyncStream.makeStream(of: String.self)
    }

    /// Writes raw client bytes; complete lines reach the server, a partial line waits for more.
    public func write(_ text: String) {
        write(bytes: Array(text.utf8))
    }

    /// Writes raw client bytes; complete lines reach the server, a partial line waits for more.
    public func write(bytes: [UInt8]) {
        framer.withLock { framer in
            for line in framer.append(bytes) { inboundContinuation.yield(line) }
        }
    }

    /// Closes the client's side, like end of file on stdin.
    public func closeInput() {
        framer.withLock { framer in
            if let last = framer.finish() { inboundContinuation.yield(last) }
            inboundContinuation.finish()
        }
    }

    /// The client's lines.
    public func receive() -> AsyncStream<Data> {
        inbound
    }

    /// Delivers one server message to `output`.
    public func send(_ message: Data) {
        outboundContinuation.yield(String(decoding: message, as: UTF8.self))
    }

    /// Finishes `output`.
    public func close() {
        outboundContinuation.finish()
    }
}
