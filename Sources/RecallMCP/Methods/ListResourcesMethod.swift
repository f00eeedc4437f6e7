import RecallCore

/// `resources/list`: the chats, pinned first then most recently updated, a page at a time;
/// the cursor is the page number.
struct ListResourcesMethod: MCPMethod {
    static let name = "resources/list"
    static let caching: ResultCaching? = .fresh

    /// The params: an optional cursor.
    struct Params: Decodable, Sendable {
        /// A page number from a previous `nextCursor`; nil for the first page.
        var cursor: String?
    }

    func plan(_ params: Params, in call: MethodCall) -> RequestPlan {
        var page = 1
        if let cursor = params.cursor {
            guard let number = Int(cursor), number >= 1 else {
                return .fail(.invalidParams("unknown cursor \(cursor)"))
            }
            page = number
        }
        return .run { [resources = call.session.resources, version = call.version, page] _ in
            try JSONValue(encoding: try await resources.list(page: page, version: version))
        }
    }
}
