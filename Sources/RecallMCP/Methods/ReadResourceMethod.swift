import RecallCore

/// `resources/read`: one chat as Markdown or one memory as JSON; an unknown URI or id is
/// MCP's `-32002` carrying the URI.
struct ReadResourceMethod: MCPMethod {
    static let name = "resources/read"
    static let caching: ResultCaching? = .fresh

    /// The resource asked for.
    struct Params: Decodable, Sendable {
        /// A `recall://chat/{id}` or `recall://memory/{id}` URI.
        var uri: String
    }

    func plan(_ params: Params, in call: MethodCall) -> RequestPlan {
        let uri = params.uri
        guard let (kind, id) = ResourceProvider.parse(uri) else { return .fail(.resourceNotFound(uri)) }
        return .run { [resources = call.session.resources] _ in
            try JSONValue(encoding: try await resources.read(uri, kind: kind, id: id))
        }
    }
}
