import Foundation
import RecallCore
import Synchronization

/// A transport for request/response exchanges (Streamable HTTP): each client request gets its
/// own channel that carries what the server writes while answering it, and closes after the
/// response.
///
/// Messages written outside any request go to the standalone channel, if one is open.
final class ExchangeTransport: MessageTransport {
    private struct State {
        var routes: [RequestID: AsyncStream<Data>.Continuation] = [:]
        var standalone: AsyncStream<Data>.Continuation?
        var closed = false
    }

    private let state = Mutex(State())
    private let inbound: AsyncStream<Data>
    private let inboundContinuation: AsyncStream<Data>.Continuation

    init() {
        (inbound, inboundContinuation) = AsyncStream.makeStream(of: Data.self)
    }

    /// Opens the channel for a request's answer, then hands the request to the server.
    ///
    /// Nil when a request with that id is still being answered, or the session is closed.
    func exchange(_ message: Data, id: RequestID) -> AsyncStream<Data>? {
        let (stream, continuation) = AsyncStream.makeStream(of: Data.self)
        let opened = state.withLock { state -> Bool in
            guard !state.closed, state.routes[id] == nil else { return false }
            state.routes[id] = continuation
            return true
        }
        guard opened else { return nil }
        inboundContinuation.yield(message)
        return stream
    }

    /// Hands a notification or a response to the server; nothing comes back for it.
    func deliver(_ message: Data) {
        inboundContinuation.yield(message)
    }

    /// The channel for messages that belong to no request; replaces an earlier one.
    func openStandalone() -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream.makeStream(of: Data.self)
        state.withLock { state in
            state.standalone?.finish()
            if state.closed { continuation.finish() } else { state.standalone = continuation }
        }
        return stream
    }

    /// Ends the client's input; the server finishes what is in flight, then calls `close`.
    func finishInput() {
        inboundContinuation.finish()
    }

    func receive() -> AsyncStream<Data> {
        inbound
    }

    func send(_ message: Data) {
        let scope = RequestScope.id
        let final = scope != nil && Self.isResponse(message, to: scope)
        state.withLock { state in
            if let scope, let route = state.routes[scope] {
                route.yield(message)
                if final {
                    route.finish()
                    state.routes[scope] = nil
                }
            } else {
                state.standalone?.yield(message)
            }
        }
    }

    func close() {
        state.withLock { state in
            state.closed = true
            for route in state.routes.values { route.finish() }
            state.routes = [:]
            state.standalone?.finish()
            state.standalone = nil
        }
    }

    /// Whether a message the server wrote is the response (result or error) to `id`.
    private static func isResponse(_ message: Data, to id: RequestID?) -> Bool {
        guard let id, case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: message) else {
            return false
        }
        return object["method"] == nil && object["id"].flatMap(RequestID.init) == id
    }
}
