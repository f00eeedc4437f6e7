import RecallCore

/// `update_chat`: renames, pins, moves or tags one chat.
struct UpdateChatTool: RecallTool {
    static let name = "update_chat"
    static let title = "Update chat"
    static let description = "Rename, pin, move to a bucket or re-tag a chat."
    static let annotations = ToolAnnotations.destructiveIdempotent

    static let inputSchema = JSONSchema.object(
        [
            "id": JSONSchema.string("The chat (chat_…)."),
            "title": JSONSchema.string("Its new title; kept across later imports."),
            "pinned": JSONSchema.boolean("Pin (true) or unpin (false)."),
            "bucket": JSONSchema.string("Move it to this bucket; \"\" takes it out."),
            "tags": JSONSchema.strings("New tags, replacing the old ones."),
        ],
        required: ["id"])

    static let outputSchema = JSONSchema.record

    struct Arguments: ToolArguments {
        var id: String
        var title: String?
        var pinned: Bool?
        var bucket: String?
        var tags: [String]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, pinned, bucket, tags
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> Chat {
        if arguments.title == nil, arguments.pinned == nil, arguments.bucket == nil, arguments.tags == nil {
            throw RecallError.invalidArguments(
                field: "title", "or another field to change (`pinned`, `bucket`, `tags`) is required")
        }
        if let title = arguments.title, title.allSatisfy(\.isWhitespace) {
            throw RecallError.invalidArguments(field: "title", "must not be empty")
        }
        let update = ChatUpdate(
            id: arguments.id, title: arguments.title, pinned: arguments.pinned, bucket: arguments.bucket,
            tags: arguments.tags)
        return try await context.core { try $0.updateChat(update) }
    }
}
