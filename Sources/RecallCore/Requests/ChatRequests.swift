public import Foundation

/// Lists chats, page-numbered.
public struct ChatListRequest: Sendable, Equatable {
    /// 1-based page number.
    public var page: Int
    /// Chats per page (1–100).
    public var pageSize: Int
    /// Only this platform.
    public var platform: Platform?
    /// Only titles containing this (case-insensitive).
    public var title: String?
    /// Only chats updated at or after this moment.
    public var dateFrom: Date?
    /// Only chats updated at or before this moment.
    public var dateTo: Date?
    /// Only pinned chats.
    public var pinnedOnly: Bool
    /// Only chats this import brought in.
    public var importID: String?
    /// Only this bucket.
    public var bucket: String?

    /// Creates a list request.
    public init(
        page: Int = 1, pageSize: Int = 20, platform: Platform? = nil, title: String? = nil, dateFrom: Date? = nil,
        dateTo: Date? = nil, pinnedOnly: Bool = false, importID: String? = nil, bucket: String? = nil
    ) {
        self.page = page
        self.pageSize = pageSize
        self.platform = platform
        self.title = title
        self.dateFrom = dateFrom
        self.dateTo = dateTo
        self.pinnedOnly = pinnedOnly
        self.importID = importID
        self.bucket = bucket
    }
}

/// One page of chats.
public struct ChatPage: Sendable, Codable, Equatable {
    /// The chats, pinned first, then most recently updated.
    public var items: [Chat]
    /// This page's number.
    public var page: Int
    /// Chats per page.
    public var pageSize: Int
    /// Chats matching the filters in all.
    public var total: Int
    /// Pages in all.
    public var totalPages: Int

    /// Creates a page.
    public init(items: [Chat], page: Int, pageSize: Int, total: Int, totalPages: Int) {
        self.items = items
        self.page = page
        self.pageSize = pageSize
        self.total = total
        self.totalPages = totalPages
    }
}

/// Reads one conversation's active branch, by range or around one message.
public struct ConversationRequest: Sendable, Equatable {
    /// The chat id, or a message id (`msg_5`), which opens that message's chat around it.
    public var id: String
    /// First message to return (0-based, on the active branch).
    public var offset: Int
    /// Most messages to return (1–200).
    public var limit: Int
    /// Open the conversation at this message (Recall's id or the platform's) instead of `offset`.
    public var aroundMessageID: String?
    /// With `aroundMessageID`: messages before it.
    public var before: Int
    /// With `aroundMessageID`: messages after it.
    public var after: Int
    /// Include reasoning, tool traffic and system prompts.
    public var includeHidden: Bool

    /// Creates a request.
    public init(
        id: String, offset: Int = 0, limit: Int = 50, aroundMessageID: String? = nil, before: Int = 3,
        after: Int = 3, includeHidden: Bool = false
    ) {
        self.id = id
        self.offset = offset
        self.limit = limit
        self.aroundMessageID = aroundMessageID
        self.before = before
        self.after = after
        self.includeHidden = includeHidden
    }
}

/// A slice of one conversation.
public struct ConversationPage: Sendable, Codable, Equatable {
    /// The chat id.
    public var id: String
    /// The chat's title.
    public var title: String
    /// Where it came from.
    public var platform: Platform
    /// When it started.
    public var createdAt: Date?
    /// The messages of this slice, in order.
    public var messages: [Message]
    /// Position of the first message returned.
    public var offset: Int
    /// Pass as `offset` to read on; absent at the end.
    public var nextOffset: Int?
    /// Messages in the conversation (with the same hidden setting).
    public var total: Int

    /// Creates a page.
    public init(
        id: String, title: String, platform: Platform, createdAt: Date?, messages: [Message], offset: Int,
        nextOffset: Int?, total: Int
    ) {
        self.id = id
        self.title = title
        self.platform = platform
        self.createdAt = createdAt
        self.messages = messages
        self.offset = offset
        self.nextOffset = nextOffset
        self.total = total
    }
}

/// Changes to a chat's own fields (its messages never change here).
public struct ChatUpdate: Sendable, Equatable {
    /// The chat to change.
    public var id: String
    /// New title.
    public var title: String?
    /// Pin or unpin.
    public var pinned: Bool?
    /// New bucket; empty string clears it.
    public var bucket: String?
    /// New tags (replace the old ones).
    public var tags: [String]?

    /// Creates an update.
    public init(id: String, title: String? = nil, pinned: Bool? = nil, bucket: String? = nil, tags: [String]? = nil) {
        self.id = id
        self.title = title
        self.pinned = pinned
        self.bucket = bucket
        self.tags = tags
    }
}
