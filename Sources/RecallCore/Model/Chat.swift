public import Foundation

/// A stored conversation, as lists and searches show it.
public struct Chat: Sendable, Codable, Equatable {
    /// Recall's id for the chat (`chat_12`).
    public var id: String
    /// The platform it came from.
    public var platform: Platform
    /// The platform's own conversation id.
    public var sourceID: String
    /// The title (the export's, or one set with `update_chat`).
    public var title: String
    /// Messages on the active branch.
    public var messageCount: Int
    /// Approximate tokens on the active branch (characters / 4).
    public var tokenCount: Int
    /// When the conversation started.
    public var createdAt: Date?
    /// When it last changed.
    public var updatedAt: Date?
    /// Pinned chats sort first and can be listed alone.
    public var pinned: Bool
    /// The bucket (a folder-like namespace) it belongs to, if any.
    public var bucket: String?
    /// Free-form tags.
    public var tags: [String]
    /// The import that first brought it in, if it came from an import.
    public var importID: String?

    /// Creates a chat value.
    public init(
        id: String, platform: Platform, sourceID: String, title: String, messageCount: Int, tokenCount: Int,
        createdAt: Date?, updatedAt: Date?, pinned: Bool, bucket: String?, tags: [String], importID: String?
    ) {
        self.id = id
        self.platform = platform
        self.sourceID = sourceID
        self.title = title
        self.messageCount = messageCount
        self.tokenCount = tokenCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.pinned = pinned
        self.bucket = bucket
        self.tags = tags
        self.importID = importID
    }
}
