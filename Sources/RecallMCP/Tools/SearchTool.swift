import RecallCore

/// `search`: ranked search over memories and chat messages, with snippets, cursor-paged.
struct SearchTool: RecallTool {
    static let name = "search"
    static let title = "Search memory"
    static let description =
        "Ranked search over saved memories and imported chat messages, by words and by meaning; returns snippets with ids, a memory's full content, and what found each hit."
    static let annotations = ToolAnnotations.readOnly
    static let oversizeHint = "Use a smaller `limit` and page with `cursor`."
    static let clipping: ReadClipping? = ReadClipping(list: "results") { hit in
        guard hit["kind"] == .string("message"), let chat = hit["chat_id"]?.stringValue,
            let message = hit["id"]?.stringValue
        else { return ReadClipping.wholeMemory(hit) }
        return "read the message with get_conversation (id \(chat), around_message_id \(message))"
    }

    static let inputSchema = JSONSchema.object(
        Arguments.filterSchema.merging([
            "query": JSONSchema.string("What to look for; plain words work."),
            "scope": JSONSchema.oneOf(SearchScope.allCases.map(\.rawValue), "Where to look (default all)."),
            "limit": JSONSchema.integer("Results per page.", in: Limits.searchResultsPerPage, default: 10),
            "cursor": JSONSchema.string("The \(JSONSchema.Says.cursor)."),
        ]) { first, _ in first },
        required: ["query"])

    static let outputSchema = JSONSchema.output([
        "results": JSONSchema.array(
            of: JSONSchema.object(
                [
                    "kind": JSONSchema.oneOf(["memory", "message"]),
                    "id": JSONSchema.string(),
                    "score": JSONSchema.number(),
                    "matched_by": JSONSchema.array(of: JSONSchema.oneOf(["keyword", "meaning"])),
                ], required: ["kind", "id", "score"]))
    ])

    struct Arguments: ToolArguments, SearchFilterArguments {
        var query: String
        var scope: SearchScope?
        var platform: Platform?
        var chatID: String?
        var bucket: String?
        var tags: [String]?
        var memoryType: MemoryType?
        var userID: String?
        var dateFrom: ISODate?
        var dateTo: ISODate?
        var limit: Int?
        var cursor: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case query, scope, platform, bucket, tags, limit, cursor
            case chatID = "chat_id"
            case memoryType = "memory_type"
            case userID = "user_id"
            case dateFrom = "date_from"
            case dateTo = "date_to"
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> SearchPage {
        let request = SearchRequest(
            query: arguments.query, scope: arguments.scope ?? .all, filters: arguments.filters,
            limit: arguments.limit ?? 10, cursor: arguments.cursor)
        return try await context.core { try $0.search(request) }
    }
}
