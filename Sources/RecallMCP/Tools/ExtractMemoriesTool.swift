import RecallCore

/// `extract_memories`: runs fact extraction over chats, an import or text.
struct ExtractMemoriesTool: RecallTool {
    static let name = "extract_memories"
    static let title = "Extract memories"
    static let description = """
        Extract facts from chats, an import or text and save them; dry_run=true only returns \
        candidates.
        """
    static let annotations = ToolAnnotations.additive
    static let oversizeHint = "Extract from fewer chats at a time, or use `dry_run` on a smaller set."

    static let inputSchema = JSONSchema.object([
        "chat_ids": JSONSchema.strings(),
        "import_id": JSONSchema.string(),
        "text": JSONSchema.string(),
        "dry_run": JSONSchema.boolean(),
        "user_id": JSONSchema.string(),
    ])

    static let outputSchema = JSONSchema.record

    struct Arguments: ToolArguments {
        var chatIDs: [String]?
        var importID: String?
        var text: String?
        var dryRun: Bool?
        var userID: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case text
            case chatIDs = "chat_ids", importID = "import_id", dryRun = "dry_run", userID = "user_id"
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ExtractResult {
        let chatIDs = arguments.chatIDs ?? []
        if chatIDs.isEmpty, arguments.importID == nil, arguments.text == nil {
            throw ToolInputError(field: "chat_ids", "or `import_id` or `text` is required")
        }
        let request = ExtractRequest(
            chatIDs: chatIDs, importID: arguments.importID, text: arguments.text, dryRun: arguments.dryRun ?? false,
            userID: arguments.userID)
        return try await context.core { try $0.extractMemories(request) }
    }
}
