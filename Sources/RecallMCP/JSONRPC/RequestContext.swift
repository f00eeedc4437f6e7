import RecallCore

/// What a request handler can do besides returning its result: report progress, notify the
/// client, and ask the client something (for example `sampling/createMessage`).
struct RequestContext: Sendable {
    /// The request being answered.
    let id: RequestID
    /// Present when the request carried `params._meta.progressToken`.
    let progress: ProgressChannel?
    let connection: JSONRPCConnection

    /// Reports progress if the client asked for it; a no-op otherwise.
    func reportProgress(_ progress: Double, total: Double? = nil, message: String? = nil) {
        self.progress?.report(progress, total: total, message: message)
    }

    /// Sends a notification to the client.
    func notify(_ method: String, params: JSONValue? = nil) {
        connection.send(.notification(method: method, params: params))
    }

    /// Sends a request to the client and waits for its result.
    ///
    /// Throws the client's `JSONRPCError`, `CancellationError` when this request is cancelled
    /// (the client is told with `notifications/cancelled`), or `ClientRequests.ConnectionClosed`
    /// when the client closes its input first.
    func sendRequest(_ method: String, params: JSONValue? = nil) async throws -> JSONValue {
        try await connection.request(method, params: params)
    }
}
