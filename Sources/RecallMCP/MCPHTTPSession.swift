public import Foundation
import RecallCore
import Synchronization

/// One MCP session over Streamable HTTP: the same session, tools and resources as stdio, with
/// each POSTed request answered on its own channel.
///
/// ```swift
/// let session = MCPHTTPSession(server: RecallServer(recall: recall.acting(as: "alice"), version: "1"))
/// switch session.post(body) {
/// case .accepted: …            // 202: a notification or a response
/// case .answer(let stream): …  // every message for this request, the response last
/// case .rejected(let error): … // 400 with a JSON-RPC error
/// }
/// ```
public final class MCPHTTPSession: Sendable {
    /// What a POSTed message gets back.
    public enum Reply: Sendable {
        /// A notification or a response from the client: nothing to answer (HTTP 202).
        case accepted
        /// The messages written for this request (progress, log messages, requests to the
        /// client), finishing with its response.
        case answer(AsyncStream<Data>, method: String)
        /// The body was not one JSON-RPC message; the error to send (HTTP 400).
        case rejected(Data)
    }

    private let transport: ExchangeTransport
    private let served: Task<Void, Never>
    private let lastUse: Mutex<Date>

    /// Starts a session serving `server`.
    public init(server: RecallServer, now: Date = Date()) {
        let transport = ExchangeTransport()
        self.transport = transport
        served = Task { await server.run(transport: transport) }
        lastUse = Mutex(now)
    }

    /// Hands one POSTed message to the session.
    public func post(_ body: Data, now: Date = Date()) -> Reply {
        lastUse.withLock { $0 = now }
        switch IncomingMessage.parse(body) {
        case .reject(let error, let id):
            return .rejected(Self.encode(.error(id: id, error: error)))
        case .ignore, .message(.notification), .message(.response):
            transport.deliver(body)
            return .accepted
        case .message(.request(let id, let method, _)):
            guard let stream = transport.exchange(body, id: id) else {
                return .rejected(
                    Self.encode(
                        .error(
                            id: id,
                            error: .invalidRequest(
                                "id \(id) is already used by a request in flight, or the session is closed"))))
            }
            return .answer(stream, method: method)
        }
    }

    /// A stream of the messages that belong to no request (the GET stream).
    public func standaloneStream() -> AsyncStream<Data> {
        transport.openStandalone()
    }

    /// When the session last received a message.
    public var lastUsed: Date { lastUse.withLock { $0 } }

    /// Ends the session: requests in flight are answered, then every channel closes.
    public func close() async {
        transport.finishInput()
        await served.value
    }

    /// Whether a POSTed body is an `initialize` request (which starts a new session).
    public static func isInitialize(_ body: Data) -> Bool {
        if case .message(.request(_, "initialize", _)) = IncomingMessage.parse(body) { return true }
        return false
    }

    /// The protocol revisions this server negotiates, newest first.
    public static var supportedProtocolVersions: [String] {
        ProtocolVersion.supported.map(\.rawValue)
    }

    static func encode(_ message: OutgoingMessage) -> Data {
        (try? message.encoded()) ?? Data(#"{"jsonrpc":"2.0","error":{"code":-32603,"message":"internal error"}}"#.utf8)
    }
}
