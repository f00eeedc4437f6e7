import RecallCore
import Synchronization

/// Sends `notifications/progress` for one request that asked for it with a progress token.
///
/// Progress only goes out while the request is open and only when it grows: the spec requires
/// the value to increase, and nothing may follow the response.
final class ProgressChannel: Sendable {
    private struct State {
        var last: Double?
        var closed = false
    }

    /// The client's token, echoed in every notification.
    let token: JSONValue
    private let state = Mutex(State())
    private let send: @Sendable (OutgoingMessage) -> Void

    /// A channel that writes through `send`.
    init(token: JSONValue, send: @escaping @Sendable (OutgoingMessage) -> Void) {
        self.token = token
        self.send = send
    }

    /// Reports progress; dropped when not above the last value or after the response.
    ///
    /// The check and the write happen under one lock so two reporters cannot reorder values.
    func report(_ progress: Double, total: Double? = nil, message: String? = nil) {
        state.withLock { state in
            guard !state.closed, state.last.map({ progress > $0 }) ?? true else { return }
            state.last = progress
            var params: [String: JSONValue] = ["progressToken": token, "progress": Self.number(progress)]
            if let total { params["total"] = Self.number(total) }
            if let message { params["message"] = .string(message) }
            send(.notification(method: "notifications/progress", params: .object(params)))
        }
    }

    /// Stops further progress; called just before the response is written.
    func close() {
        state.withLock { $0.closed = true }
    }

    /// Whole numbers go out as integers, which reads better and keeps the wire stable.
    private static func number(_ value: Double) -> JSONValue {
        if value.rounded() == value, abs(value) < 9e15 { return .int(Int64(value)) }
        return .double(value)
    }
}
