import RecallCore

/// `forget`: deletes memories, chats or a whole import, with everything derived from them.
struct ForgetTool: RecallTool {
    static let name = "forget"
    static let title = "Forget"
    static let description = """
        Delete memories, chats or an import, with everything derived from them. Try dry_run=true \
        first.
        """
    static let annotations = ToolAnnotations.destructiveIdempotent

    static let inputSchema = JSONSchema.object([
        "memory_ids": JSONSchema.strings("Memories to delete (mem_…), with their older versions."),
        "chat_ids": JSONSchema.strings(
            "Chats to delete (chat_…), with their messages and the memories only they support."),
        "import_id": JSONSchema.string("Delete every chat this import added (imp_…; memory_stats lists imports)."),
        "dry_run": JSONSchema.boolean("Only report what would be deleted (default false)."),
    ])

    static let outputSchema = JSONSchema.record

    struct Arguments: ToolArguments {
        var memoryIDs: [String]?
        var chatIDs: [String]?
        var importID: String?
        var dryRun: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case memoryIDs = "memory_ids"
            case chatIDs = "chat_ids"
            case importID = "import_id"
            case dryRun = "dry_run"
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ForgetResult {
        let memoryIDs = arguments.memoryIDs ?? []
        let chatIDs = arguments.chatIDs ?? []
        if memoryIDs.isEmpty, chatIDs.isEmpty, arguments.importID == nil {
            throw RecallError.invalidArguments(field: "memory_ids", "or `chat_ids` or `import_id` is required")
        }
        let request = ForgetRequest(
            memoryIDs: memoryIDs, chatIDs: chatIDs, importID: arguments.importID, dryRun: arguments.dryRun ?? false)
        return try await context.core { try $0.forget(request) }
    }
}
