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
            "platform": JSONSchema.platform,
            "chat_id": JSONSchema.string(),
            "bucket": JSONSchema.string(),
            "tags": JSONSchema.strings(),
            "memory_type": JSONSchema.string(),
            "user_id": JSONSchema.string(),
            "date_from": JSONSchema.date(),
            "date_to": JSONSchema.date(),
        ]
    }
}
