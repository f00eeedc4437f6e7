import Foundation

extension Recall {
    /// Lists chats, pinned first, then most recently updated.
    public func listChats(_ request: ChatListRequest) throws -> ChatPage {
        try Validate.range(request.page, 1...1_000_000, field: "page")
        try Validate.range(request.pageSize, 1...100, field: "page_size")
        return try database().listChats(request)
    }

    /// Reads a slice of one conversation's active branch.
    public func conversation(_ request: ConversationRequest) throws -> ConversationPage {
        try Validate.range(request.offset, 0...Int(Int32.max), field: "offset")
        try Validate.range(request.limit, 1...200, field: "limit")
        try Validate.range(request.before, 0...50, field: "before")
        try Validate.range(request.after, 0...50, field: "after")
        return try database().conversation(request)
    }

    /// Renames, pins, moves or tags a chat.
    public func updateChat(_ update: ChatUpdate) throws -> Chat {
        if update.title == nil, update.pinned == nil, update.bucket == nil, update.tags == nil {
            throw RecallError.invalid("fields", "give at least one of title, pinned, bucket, tags")
        }
        return try database().updateChat(update)
    }

    /// Deletes memories, chats or an import, or reports what would go.
    public func forget(_ request: ForgetRequest) throws -> ForgetResult {
        if request.memoryIDs.isEmpty, request.chatIDs.isEmpty, request.importID == nil {
            throw RecallError.invalid("memory_ids", "give memory_ids, chat_ids or import_id")
        }
        return try database().forget(request)
    }

    /// Counts and facts about the store.
    public func stats() throws -> StoreStats {
        try database().stats()
    }
}
