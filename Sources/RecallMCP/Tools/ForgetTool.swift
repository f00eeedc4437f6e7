import RecallCore

/// `forget`: deletes memories, chats or a whole import, with everything derived from them.
struct ForgetTool: RecallTool {
    static let name = "forget"
    static let title = "Forget"
    static let description = """
        Delete memories, chats or a whole import, with their search entries and the memories \
        extracted from them. Call with dry_run=true first to see what would go.
        """
    static let annotations = ToolAnnotations.destructiveIdempotent

    static let inputSchema = JSONSchema.object([
        "memory_ids": JSONSchema.strings(),
        "chat_ids": JSONSchema.strings(),
        "import_id": JSONSchema.string(),
        "dry_run": JSONSchema.boolean(default: false),
    ])

    static let outputSchema = JSONSchema.object(
        [
            "dry_run": JSONSchema.boolean(), "memories_deleted": JSONSchema.integer(),
            "chats_deleted": JSONSchema.integer(), "messages_deleted": JSONSchema.integer(),
            "memory_ids": JSONSchema.strings(), "chat_ids": JSONSchema.strings(),
        ],
        required: ["dry_run", "memories_deleted", "chats_deleted", "messages_deleted", "memory_ids", "chat_ids"])

    struct Arguments: ToolArguments {
        var memoryIDs: [String]?
        var chatIDs: [String]?
        var importID: String?
        var dryRun: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case memoryIDs = "memory_ids", chatIDs = "chat_ids", importID = "import_id", dryRun = "dry_run"
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ForgetResult {
        let memoryIDs = arguments.memoryIDs ?? []
        let chatIDs = arguments.chatIDs ?? []
        if memoryIDs.isEmpty, chatIDs.isEmpty, arguments.importID == nil {
            throw ToolInputError(field: "memory_ids", "or `chat_ids` or `import_id` is required")
        }
        let request = ForgetRequest(
            memoryIDs: memoryIDs, chatIDs: chatIDs, importID: arguments.importID, dryRun: arguments.dryRun ?? false)
        return try await context.core { try $0.forget(request) }
    }
}
