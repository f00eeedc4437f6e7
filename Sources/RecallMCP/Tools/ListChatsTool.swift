import RecallCore

/// `list_chats`: imported conversations, filtered, page-numbered.
struct ListChatsTool: RecallTool {
    static let name = "list_chats"
    static let title = "List chats"
    static let description = "List imported chats, pinned first, then most recent."
    static let annotations = ToolAnnotations.readOnly
    static let oversizeHint = "Use a smaller `page_size`."
    static let clipping: ReadClipping? = ReadClipping(list: "items") { chat in
        guard let id = chat["id"]?.stringValue else { return "read the chat's resource, recall://chat/{id}" }
        return "the whole chat is the resource recall://chat/\(id)"
    }

    static let inputSchema = JSONSchema.object([
        "page": JSONSchema.integer(
            "Page number, from 1; total_pages says how many.", minimum: Limits.chatPages.lowerBound, default: 1),
        "page_size": JSONSchema.integer("Chats per page.", in: Limits.chatsPerPage, default: 20),
        "platform": JSONSchema.platform("Only chats from this platform."),
        "title": JSONSchema.string("Only chats whose title contains this (any case)."),
        "date_from": JSONSchema.date("Only chats active from this moment: \(JSONSchema.Says.date)."),
        "date_to": JSONSchema.date("Only chats started up to this moment; a bare date includes that day."),
        "pinned_only": JSONSchema.boolean("Only pinned chats (default false)."),
        "import_id": JSONSchema.string("Only chats this import added (imp_…)."),
        "bucket": JSONSchema.string("Only this bucket (\(JSONSchema.Says.bucket))."),
    ])

    static let outputSchema = JSONSchema.output(["items": JSONSchema.list])

    struct Arguments: ToolArguments {
        var page: Int?
        var pageSize: Int?
        var platform: Platform?
        var title: String?
        var dateFrom: ISODate?
        var dateTo: ISODate?
        var pinnedOnly: Bool?
        var importID: String?
        var bucket: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case page, platform, title, bucket
            case pageSize = "page_size"
            case dateFrom = "date_from"
            case dateTo = "date_to"
            case pinnedOnly = "pinned_only"
            case importID = "import_id"
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ChatPage {
        let request = ChatListRequest(
            page: arguments.page ?? 1, pageSize: arguments.pageSize ?? 20, platform: arguments.platform,
            title: arguments.title, dateFrom: arguments.dateFrom?.start, dateTo: arguments.dateTo?.end,
            pinnedOnly: arguments.pinnedOnly ?? false, importID: arguments.importID, bucket: arguments.bucket)
        return try await context.core { try $0.listChats(request) }
    }
}
