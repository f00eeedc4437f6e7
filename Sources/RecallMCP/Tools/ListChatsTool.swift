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
        "page": JSONSchema.integer(minimum: 1),
        "page_size": JSONSchema.integer(minimum: 1, maximum: 100, default: 20),
        "platform": JSONSchema.platform,
        "title": JSONSchema.string(),
        "date_from": JSONSchema.date(),
        "date_to": JSONSchema.date(),
        "pinned_only": JSONSchema.boolean(),
        "import_id": JSONSchema.string(),
        "bucket": JSONSchema.string(),
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
            case pageSize = "page_size", dateFrom = "date_from", dateTo = "date_to", pinnedOnly = "pinned_only"
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
