import RecallCore

/// `get_conversation`: one conversation's messages on its active branch, by range or around one.
struct GetConversationTool: RecallTool {
    static let name = "get_conversation"
    static let title = "Read chat"
    static let description = "Read a chat's messages in order, from offset or around one message."
    static let annotations = ToolAnnotations.readOnly
    static let oversizeHint = "Read fewer messages at a time: use a smaller `limit` (or `before`/`after`) and continue with `next_offset`."

    static let inputSchema = JSONSchema.object(
        [
            "id": JSONSchema.string(),
            "offset": JSONSchema.integer(minimum: 0),
            "limit": JSONSchema.integer(minimum: 1, maximum: 100, default: 50),
            "around_message_id": JSONSchema.string(),
            "before": JSONSchema.integer(minimum: 0, maximum: 50),
            "after": JSONSchema.integer(minimum: 0, maximum: 50),
            "include_hidden": JSONSchema.boolean(),
        ],
        required: ["id"])

    static let outputSchema = JSONSchema.output(["messages": JSONSchema.list])

    struct Arguments: ToolArguments {
        var id: String
        var offset: Int?
        var limit: Int?
        var aroundMessageID: String?
        var before: Int?
        var after: Int?
        var includeHidden: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, offset, limit, before, after
            case aroundMessageID = "around_message_id", includeHidden = "include_hidden"
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ConversationPage {
        let request = ConversationRequest(
            id: arguments.id, offset: arguments.offset ?? 0, limit: arguments.limit ?? 50,
            aroundMessageID: arguments.aroundMessageID, before: arguments.before ?? 3, after: arguments.after ?? 3,
            includeHidden: arguments.includeHidden ?? false)
        return try await context.core { try $0.conversation(request) }
    }
}
