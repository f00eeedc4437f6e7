public import Foundation

/// Which stores a search looks in.
public enum SearchScope: String, Sendable, Codable, CaseIterable {
    case all, memories, messages
}

/// Filters shared by `search` and `get_context`.
///
/// Every field narrows; nil means "any".
public struct SearchFilters: Sendable, Equatable {
    /// Only chats from this platform.
    public var platform: Platform?
    /// Only this chat.
    public var chatID: String?
    /// Only this bucket (chats and memories).
    public var bucket: String?
    /// Only items carrying every one of these tags.
    public var tags: [String]
    /// Only memories of this type.
    public var memoryType: MemoryType?
    /// Only memories of this user namespace (default: the default user).
    public var userID: String?
    /// Only items from this moment on.
    public var dateFrom: Date?
    /// Only items up to this moment.
    public var dateTo: Date?

    /// Creates filters; the defaults narrow nothing.
    public init(
        platform: Platform? = nil, chatID: String? = nil, bucket: String? = nil, tags: [String] = [],
        memoryType: MemoryType? = nil, userID: String? = nil, dateFrom: Date? = nil, dateTo: Date? = nil
    ) {
        self.platform = platform
        self.chatID = chatID
        self.bucket = bucket
        self.tags = tags
        self.memoryType = memoryType
        self.userID = userID
        self.dateFrom = dateFrom
        self.dateTo = dateTo
    }
}

/// A ranked search over memories and messages.
public struct SearchRequest: Sendable, Equatable {
    /// What the person or model typed; any string is valid.
    public var query: String
    /// Where to look.
    public var scope: SearchScope
    /// What to narrow to.
    public var filters: SearchFilters
    /// Results per page (`Limits.searchResults`; the MCP tool and the CLI allow `Limits.searchResultsPerPage`).
    public var limit: Int
    /// `next_cursor` from the previous page.
    public var cursor: String?

    /// Creates a search request.
    public init(
        query: String, scope: SearchScope = .all, filters: SearchFilters = SearchFilters(), limit: Int = 10,
        cursor: String? = nil
    ) {
        self.query = query
        self.scope = scope
        self.filters = filters
        self.limit = limit
        self.cursor = cursor
    }
}

/// One page of search results.
public struct SearchPage: Sendable, Codable, Equatable {
    /// The hits, best first.
    public var results: [SearchHit]
    /// Pass back as `cursor` for the next page; absent on the last page.
    public var nextCursor: String?

    /// Creates a page.
    public init(results: [SearchHit], nextCursor: String?) {
        self.results = results
        self.nextCursor = nextCursor
    }
}
