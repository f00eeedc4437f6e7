import RecallCore

/// `get_context`: a ready-to-paste, cited context block about a topic within a token budget.
struct GetContextTool: RecallTool {
    static let name = "get_context"
    static let title = "Get context"
    static let description =
        "A cited context block on a topic within max_tokens: the best memories, then chat excerpts."
    static let annotations = ToolAnnotations.readOnly
    static let oversizeHint = "Use a smaller `max_tokens`."

    static let inputSchema = JSONSchema.object(
        Arguments.filterSchema.merging([
            "query": JSONSchema.string("The topic to gather context about."),
            "max_tokens": JSONSchema.integer(
                "The block's budget in tokens.", in: Limits.contextTokensPerToolCall, default: 2000),
        ]) { first, _ in first },
        required: ["query"])

    static let outputSchema = JSONSchema.record

    struct Arguments: ToolArguments, SearchFilterArguments {
        var query: String
        var maxTokens: Int?
        var platform: Platform?
        var chatID: String?
        var bucket: String?
        var tags: [String]?
        var memoryType: MemoryType?
        var userID: String?
        var dateFrom: ISODate?
        var dateTo: ISODate?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case query, platform, bucket, tags
            case maxTokens = "max_tokens"
            case chatID = "chat_id"
            case memoryType = "memory_type"
            case userID = "user_id"
            case dateFrom = "date_from"
            case dateTo = "date_to"
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ContextBlock {
        let request = ContextRequest(
            query: arguments.query, maxTokens: arguments.maxTokens ?? 2000, filters: arguments.filters)
        return try await context.core { try $0.context(request) }
    }
}
