/// Deletes memories, chats or a whole import, with everything derived from them.
public struct ForgetRequest: Sendable, Equatable {
    /// Memories to delete.
    public var memoryIDs: [String]
    /// Chats to delete (with their messages and the memories extracted from them).
    public var chatIDs: [String]
    /// An import whose chats to delete.
    public var importID: String?
    /// Report what would go, delete nothing.
    public var dryRun: Bool

    /// Creates a request.
    public init(memoryIDs: [String] = [], chatIDs: [String] = [], importID: String? = nil, dryRun: Bool = false) {
        self.memoryIDs = memoryIDs
        self.chatIDs = chatIDs
        self.importID = importID
        self.dryRun = dryRun
    }
}

/// What `forget` deleted (or would delete, on a dry run).
public struct ForgetResult: Sendable, Codable, Equatable {
    /// True when nothing was deleted.
    public var dryRun: Bool
    /// Memories deleted.
    public var memoriesDeleted: Int
    /// Chats deleted.
    public var chatsDeleted: Int
    /// Messages deleted with their chats, counted as `list_chats` and `memory_stats` count
    /// them: the visible messages of each chat's active branch.
    public var messagesDeleted: Int
    /// Stored messages deleted besides those: hidden ones (reasoning, tool traffic, system
    /// prompts) and those on other branches.
    public var otherMessagesDeleted: Int
    /// The memory ids affected.
    public var memoryIDs: [String]
    /// The chat ids affected.
    public var chatIDs: [String]

    /// Creates a result.
    public init(
        dryRun: Bool, memoriesDeleted: Int, chatsDeleted: Int, messagesDeleted: Int, otherMessagesDeleted: Int = 0,
        memoryIDs: [String], chatIDs: [String]
    ) {
        self.dryRun = dryRun
        self.memoriesDeleted = memoriesDeleted
        self.chatsDeleted = chatsDeleted
        self.messagesDeleted = messagesDeleted
        self.otherMessagesDeleted = otherMessagesDeleted
        self.memoryIDs = memoryIDs
        self.chatIDs = chatIDs
    }
}
