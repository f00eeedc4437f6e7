public import Foundation

/// A request for a ready-to-paste context block about a topic.
public struct ContextRequest: Sendable, Equatable {
    /// The topic or question.
    public var query: String
    /// The most tokens the block may take (estimated as in `TokenEstimate`).
    public var maxTokens: Int
    /// What to narrow to.
    public var filters: SearchFilters

    /// Creates a context request.
    public init(query: String, maxTokens: Int = 2000, filters: SearchFilters = SearchFilters()) {
        self.query = query
        self.maxTokens = maxTokens
        self.filters = filters
    }
}

/// Where a piece of a context block came from, so `get_conversation` can open it.
public struct Citation: Sendable, Codable, Equatable {
    /// The number used in the block: `[1]`, `[2]` and so on.
    public var ref: Int
    /// `memory` or `message`.
    public var kind: SearchHit.Kind
    /// The memory id, for memory citations.
    public var memoryID: String?
    /// The chat, for message citations (and memories from chats).
    public var chatID: String?
    /// The chat's title.
    public var chatTitle: String?
    /// Recall ids of the messages quoted.
    public var messageIDs: [String]
    /// When it was said.
    public var date: Date?

    /// Creates a citation.
    public init(
        ref: Int, kind: SearchHit.Kind, memoryID: String? = nil, chatID: String? = nil, chatTitle: String? = nil,
        messageIDs: [String] = [], date: Date? = nil
    ) {
        self.ref = ref
        self.kind = kind
        self.memoryID = memoryID
        self.chatID = chatID
        self.chatTitle = chatTitle
        self.messageIDs = messageIDs
        self.date = date
    }
}

/// A context block that fits its budget.
public struct ContextBlock: Sendable, Codable, Equatable {
    /// The text to paste: memories first, then cited excerpts.
    public var context: String
    /// One entry per `[n]` in the text.
    public var citations: [Citation]
    /// The block's estimated size in tokens (never above the budget).
    public var tokens: Int

    /// Creates a block.
    public init(context: String, citations: [Citation], tokens: Int) {
        self.context = context
        self.citations = citations
        self.tokens = tokens
    }
}
