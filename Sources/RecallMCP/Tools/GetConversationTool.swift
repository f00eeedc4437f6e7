import RecallCore

/// `get_conversation`: one conversation's messages on its active branch, by range or around one.
struct GetConversationTool: RecallTool {
    static let name = "get_conversation"
    static let title = "Read chat"
    static let description = "Read a chat's messages in order, from offset or around one message."
    static let annotations = ToolAnnotations.readOnly
    static let oversizeHint =
        "Read fewer messages at a time: use a smaller `limit` (or `before`/`after`) and continue with `next_offset`."

    static let inputSchema = JSONSchema.object(
        [
            "id": JSONSchema.string("The chat (chat_…), or a message (msg_…) to open its chat around it."),
            "offset": JSONSchema.integer(
                "First message, from 0; continue with next_offset.", minimum: Limits.conversationOffsets.lowerBound,
                default: 0),
            "limit": JSONSchema.integer("Messages per page.", in: Limits.conversationMessagesPerToolCall, default: 50),
            "around_message_id": JSONSchema.string("Open at this message (id or source_message_id) instead of offset."),
            "before": JSONSchema.integer(
                "With around_message_id: messages before it.", in: Limits.messagesAround, default: 3),
            "after": JSONSchema.integer(
                "With around_message_id: messages after it.", in: Limits.messagesAround, default: 3),
            "include_hidden": JSONSchema.boolean(
                "Also show reasoning, tool output and system prompts (default false)."),
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
            case aroundMessageID = "around_message_id"
            case includeHidden = "include_hidden"
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
