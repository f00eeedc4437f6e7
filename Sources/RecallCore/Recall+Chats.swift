import Foundation

extension Recall {
    /// Lists chats, pinned first, then most recently updated.
    public func listChats(_ request: ChatListRequest) throws -> ChatPage {
        try Validate.range(request.page, Limits.chatPages, field: "page")
        try Validate.range(request.pageSize, Limits.chatsPerPage, field: "page_size")
        return try database().listChats(request)
    }

    /// Reads a slice of one conversation's active branch.
    public func conversation(_ request: ConversationRequest) throws -> ConversationPage {
        try Validate.range(request.offset, Limits.conversationOffsets, field: "offset")
        try Validate.range(request.limit, Limits.conversationMessages, field: "limit")
        try Validate.range(request.before, Limits.messagesAround, field: "before")
        try Validate.range(request.after, Limits.messagesAround, field: "after")
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
