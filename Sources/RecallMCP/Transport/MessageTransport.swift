public import Foundation

/// Carries whole JSON-RPC messages between the server and one client: lines in, lines out.
///
/// A transport only moves bytes; the server parses and writes JSON. The server calls `send`
/// from one writer at a time, so an implementation needs no locking of its own for it.
///
/// ```swift
/// let transport = InMemoryTransport()
/// Task { await server.run(transport: transport) }
/// transport.write(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"# + "\n")
/// ```
public protocol MessageTransport: Sendable {
    /// The client's messages, one line each without its line ending, until end of input.
    ///
    /// Called once; the stream finishes when the client closes its side.
    func receive() -> AsyncStream<Data>

    /// Writes one message; the transport appends the line ending and delivers it in one piece.
    func send(_ message: Data)

    /// Called once, after the last message has been sent.
    func close()
}
