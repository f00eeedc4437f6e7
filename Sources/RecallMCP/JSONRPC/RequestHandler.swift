import RecallCore

/// What a handler decides about one request, synchronously and in arrival order.
enum RequestPlan: Sendable {
    /// Answer now, before the next line is read (lifecycle, ping, lists).
    case respond(JSONValue)
    /// Fail now with this error.
    case fail(JSONRPCError)
    /// Run concurrently; the result or thrown `JSONRPCError` becomes the response.
    case run(@Sendable (RequestContext) async throws -> JSONValue)
}

/// The method layer above JSON-RPC: the MCP session implements it.
///
/// Both calls are made on the reading loop, one message at a time, so state they change (such as
/// "initialized") is visible to the very next message even when the client pipelines.
protocol RequestHandler: Sendable {
    /// Decides how to answer a request.
    func plan(id: RequestID, method: String, params: JSONValue?) -> RequestPlan
    /// Handles a notification; nothing is ever sent back for one.
    func handleNotification(method: String, params: JSONValue?)
}
