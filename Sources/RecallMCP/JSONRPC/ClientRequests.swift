import RecallCore
import Synchronization

/// Requests the server sent to the client, waiting for their responses by id.
final class ClientRequests: Sendable {
    /// Thrown to a waiting request when the client closed its input before answering.
    struct ConnectionClosed: Error {}

    private struct State {
        var nextID: Int64 = 1
        var waiting: [RequestID: CheckedContinuation<JSONValue, any Error>] = [:]
        /// Ids handed out but not registered yet.
        var issued: Set<RequestID> = []
        /// Ids cancelled before they were registered (cancellation can win that race).
        var cancelledEarly: Set<RequestID> = []
        var closed = false
    }

    private let state = Mutex(State())

    /// A fresh id for the next request.
    func makeID() -> RequestID {
        state.withLock { state in
            let id = RequestID.number(state.nextID)
            state.nextID += 1
            state.issued.insert(id)
            return id
        }
    }

    /// Waits for the response to `id`; returns the error to throw instead when it cannot come.
    func register(_ id: RequestID, _ continuation: CheckedContinuation<JSONValue, any Error>) -> (any Error)? {
        state.withLock { state -> (any Error)? in
            state.issued.remove(id)
            if state.closed { return ConnectionClosed() }
            if state.cancelledEarly.remove(id) != nil { return CancellationError() }
            state.waiting[id] = continuation
            return nil
        }
    }

    /// Delivers the client's response; false when nothing waited for this id.
    func resolve(_ id: RequestID, with result: Result<JSONValue, JSONRPCError>) -> Bool {
        guard let continuation = state.withLock({ $0.waiting.removeValue(forKey: id) }) else { return false }
        continuation.resume(with: result.mapError { $0 })
        return true
    }

    /// Stops waiting for `id`, throwing `CancellationError` to the waiter.
    func cancel(_ id: RequestID) {
        let continuation = state.withLock { state -> CheckedContinuation<JSONValue, any Error>? in
            if let continuation = state.waiting.removeValue(forKey: id) { return continuation }
            if state.issued.remove(id) != nil { state.cancelledEarly.insert(id) }
            return nil
        }
        continuation?.resume(throwing: CancellationError())
    }

    /// Fails every waiting request and every later one: the client can no longer answer.
    func closeAll() {
        let waiting = state.withLock { state -> [CheckedContinuation<JSONValue, any Error>] in
            state.closed = true
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for continuation in waiting { continuation.resume(throwing: ConnectionClosed()) }
    }
}
