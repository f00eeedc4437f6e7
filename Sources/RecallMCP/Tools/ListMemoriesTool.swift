import RecallCore

/// `list_memories`: saved memories, newest (or oldest) first, filtered, cursor-paged.
struct ListMemoriesTool: RecallTool {
    static let name = "list_memories"
    static let title = "List memories"
    static let description = "List saved memories, newest or oldest first, with filters."
    static let annotations = ToolAnnotations.readOnly
    static let oversizeHint = "Use a smaller `limit` and page with `cursor`."
    static let clipping: ReadClipping? = ReadClipping(list: "memories", whereWhole: ReadClipping.wholeMemory)

    static let inputSchema = JSONSchema.object([
        "limit": JSONSchema.integer("Memories per page.", in: Limits.memoriesPerPage, default: 20),
        "cursor": JSONSchema.string("The \(JSONSchema.Says.cursor)."),
        "order": JSONSchema.oneOf(ListOrder.allCases.map(\.rawValue), "Which end to start from (default newest)."),
        "memory_type": JSONSchema.string("Only this type: \(JSONSchema.Says.types)."),
        "min_confidence": JSONSchema.number("Only memories at least this confident.", minimum: 0, maximum: 1),
        "bucket": JSONSchema.string("Only this bucket (\(JSONSchema.Says.bucket))."),
        "tags": JSONSchema.strings("Only memories carrying every one of these tags."),
        "user_id": JSONSchema.string("Whose memories: \(JSONSchema.Says.user)."),
        "since": JSONSchema.date("Only memories stored from this moment: \(JSONSchema.Says.date)."),
        "until": JSONSchema.date("Only memories stored up to this moment; a bare date includes that day."),
        "include_superseded": JSONSchema.boolean("Also list older versions that newer ones replaced (default false)."),
    ])

    static let outputSchema = JSONSchema.output(["memories": JSONSchema.list])

    struct Arguments: ToolArguments {
        var limit: Int?
        var cursor: String?
        var order: ListOrder?
        var memoryType: MemoryType?
        var minConfidence: Double?
        var bucket: String?
        var tags: [String]?
        var userID: String?
        var since: ISODate?
        var until: ISODate?
        var includeSuperseded: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case limit, cursor, order, bucket, tags, since, until
            case memoryType = "memory_type"
            case minConfidence = "min_confidence"
            case userID = "user_id"
            case includeSuperseded = "include_superseded"
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> MemoryPage {
        let request = MemoryListRequest(
            limit: arguments.limit ?? 20, cursor: arguments.cursor, order: arguments.order ?? .newest,
            memoryType: arguments.memoryType, minConfidence: arguments.minConfidence, bucket: arguments.bucket,
            tags: arguments.tags ?? [], userID: arguments.userID, since: arguments.since?.start,
            until: arguments.until?.end, includeSuperseded: arguments.includeSuperseded ?? false)
        return try await context.core { try $0.listMemories(request) }
    }
}
