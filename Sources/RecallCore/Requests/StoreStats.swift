public import Foundation

/// One import as `memory_stats` lists it.
public struct ImportRecordSummary: Sendable, Codable, Equatable {
    /// The import id.
    public var id: String
    /// The path imported.
    public var path: String
    /// The platform detected.
    public var platform: String
    /// When it ran.
    public var startedAt: Date
    /// Chats it added.
    public var chatsAdded: Int
    /// Messages it added.
    public var messagesAdded: Int

    /// Creates a summary.
    public init(id: String, path: String, platform: String, startedAt: Date, chatsAdded: Int, messagesAdded: Int) {
        self.id = id
        self.path = path
        self.platform = platform
        self.startedAt = startedAt
        self.chatsAdded = chatsAdded
        self.messagesAdded = messagesAdded
    }
}

/// Counts and facts about the store.
public struct StoreStats: Sendable, Codable, Equatable {
    /// Which database holds the store: `sqlite` or `postgresql`.
    public var store: String = "sqlite"
    /// How vectors are kept: `blob` (SQLite), `bytea` (PostgreSQL).
    public var vectorStorage: String = "blob"
    /// Where the store file is (`:memory:` for an in-memory store; a PostgreSQL URL without its password).
    public var path: String
    /// The file's size in bytes, WAL included.
    public var sizeBytes: Int
    /// The schema version (number of migrations applied).
    public var schemaVersion: Int
    /// Chats stored.
    public var chats: Int
    /// Messages, counted as `list_chats` counts them: the visible messages of each chat's
    /// active branch (what `get_conversation` shows and an export writes).
    public var messages: Int
    /// Messages stored but hidden: reasoning, tool traffic and system prompts on the active branch.
    public var hiddenMessages: Int
    /// Messages stored on other branches (edited or regenerated turns the user moved away from).
    public var branchMessages: Int
    /// Current (not superseded) memories, of every user namespace.
    public var memories: Int
    /// User namespaces holding memories (`user_id`); lists and exports show one at a time.
    public var memoryUsers: Int
    /// Superseded memories kept as history.
    public var supersededMemories: Int
    /// Chats per platform.
    public var chatsByPlatform: [String: Int]
    /// Current memories per type.
    public var memoriesByType: [String: Int]
    /// Chats and memories per bucket.
    public var byBucket: [String: Int]
    /// Chats and memories per tag.
    public var byTag: [String: Int]
    /// The latest imports, newest first.
    public var imports: [ImportRecordSummary]

    /// Creates stats.
    public init(
        path: String, sizeBytes: Int, schemaVersion: Int, chats: Int, messages: Int, hiddenMessages: Int = 0,
        branchMessages: Int = 0, memories: Int, memoryUsers: Int = 1, supersededMemories: Int,
        chatsByPlatform: [String: Int], memoriesByType: [String: Int], byBucket: [String: Int], byTag: [String: Int],
        imports: [ImportRecordSummary]
    ) {
        self.path = path
        self.sizeBytes = sizeBytes
        self.schemaVersion = schemaVersion
        self.chats = chats
        self.messages = messages
        self.hiddenMessages = hiddenMessages
        self.branchMessages = branchMessages
        self.memories = memories
        self.memoryUsers = memoryUsers
        self.supersededMemories = supersededMemories
        self.chatsByPlatform = chatsByPlatform
        self.memoriesByType = memoriesByType
        self.byBucket = byBucket
        self.byTag = byTag
        self.imports = imports
    }
}

extension StoreStats {
    /// These stats as a store of another database reports them.
    func on(store: String, vectors: String) -> StoreStats {
        var stats = self
        stats.store = store
        stats.vectorStorage = vectors
        return stats
    }
}
