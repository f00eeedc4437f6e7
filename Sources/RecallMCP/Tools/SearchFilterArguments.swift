import RecallCore

/// The filters `search` and `get_context` share; each one narrows, and absent means "any".
protocol SearchFilterArguments {
    var platform: Platform? { get }
    var chatID: String? { get }
    var bucket: String? { get }
    var tags: [String]? { get }
    var memoryType: MemoryType? { get }
    var userID: String? { get }
    var dateFrom: ISODate? { get }
    var dateTo: ISODate? { get }
}

extension SearchFilterArguments {
    /// The filters as RecallCore takes them; a day-only `date_to` includes that whole day.
    var filters: SearchFilters {
        SearchFilters(
            platform: platform, chatID: chatID, bucket: bucket, tags: tags ?? [], memoryType: memoryType,
            userID: userID, dateFrom: dateFrom?.start, dateTo: dateTo?.end)
    }

    /// The filters' schema properties, merged into each tool's schema.
    static var filterSchema: [String: JSONValue] {
        [
            "platform": JSONSchema.platform("Only chats from this platform."),
            "chat_id": JSONSchema.string("Only this chat (chat_…)."),
            "bucket": JSONSchema.string("Only this bucket (\(JSONSchema.Says.bucket))."),
            "tags": JSONSchema.strings("Only items carrying every one of these tags."),
            "memory_type": JSONSchema.string("Only memories of this type: \(JSONSchema.Says.types)."),
            "user_id": JSONSchema.string("Only memories of this user namespace (default: default)."),
            "date_from": JSONSchema.date("Only items from this moment: \(JSONSchema.Says.date)."),
            "date_to": JSONSchema.date("Only items up to this moment; a bare date includes that whole day."),
        ]
    }
}
