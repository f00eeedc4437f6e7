public import Foundation

/// One chat turn handed to `add_memory` for extraction.
public struct ChatTurn: Sendable, Codable, Equatable {
    /// `user` or `assistant` (others are accepted and kept as owners).
    public var role: String
    /// What was said.
    public var content: String

    /// Creates a turn.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// Saves one memory, or extracts memories from chat turns.
public struct AddMemoryRequest: Sendable, Equatable {
    /// The memory to save verbatim; exclusive with `messages`.
    public var content: String?
    /// Chat turns to extract facts from (or keep verbatim when `extract` is false).
    public var messages: [ChatTurn]?
    /// Extract facts from `messages` (true) or keep each one verbatim (false).
    public var extract: Bool
    /// Tags for every memory saved.
    public var tags: [String]
    /// Bucket for every memory saved.
    public var bucket: String?
    /// Type of a verbatim memory (default `note`).
    public var memoryType: MemoryType?
    /// When it was true or said.
    public var memoriesAt: Date?
    /// Where, if known.
    public var latitude: Double?
    /// Where, if known.
    public var longitude: Double?
    /// Caller-supplied structured data.
    public var metadata: [String: JSONValue]?
    /// The user namespace.
    public var userID: String?
    /// For image memories: a path or URL of the image.
    public var imageRef: String?
    /// For image memories: what the image shows.
    public var imageDescription: String?
    /// Confidence for a verbatim memory (default 1).
    public var confidence: Double?
    /// For a verbatim memory: the chat turn it was taken from (a reviewed extraction candidate).
    public var source: MemorySource?

    /// Creates a request; give `content` or `messages`.
    public init(
        content: String? = nil, messages: [ChatTurn]? = nil, extract: Bool = true, tags: [String] = [],
        bucket: String? = nil, memoryType: MemoryType? = nil, memoriesAt: Date? = nil, latitude: Double? = nil,
        longitude: Double? = nil, metadata: [String: JSONValue]? = nil, userID: String? = nil,
        imageRef: String? = nil, imageDescription: String? = nil, confidence: Double? = nil, source: MemorySource? = nil
    ) {
        self.content = content
        self.messages = messages
        self.extract = extract
        self.tags = tags
        self.bucket = bucket
        self.memoryType = memoryType
        self.memoriesAt = memoriesAt
        self.latitude = latitude
        self.longitude = longitude
        self.metadata = metadata
        self.userID = userID
        self.imageRef = imageRef
        self.imageDescription = imageDescription
        self.confidence = confidence
        self.source = source
    }
}

/// What `add_memory` stored.
public struct AddMemoryResult: Sendable, Codable, Equatable {
    /// Memories stored or strengthened, in input order.
    public var memories: [Memory]
    /// How many were new.
    public var added: Int
    /// How many matched an existing memory and were merged into it.
    public var merged: Int
    /// How many older memories the new ones superseded.
    public var superseded: Int

    /// Creates a result.
    public init(memories: [Memory], added: Int, merged: Int, superseded: Int) {
        self.memories = memories
        self.added = added
        self.merged = merged
        self.superseded = superseded
    }
}

/// Newest-first or oldest-first.
public enum ListOrder: String, Sendable, Codable, CaseIterable {
    case newest, oldest
}

/// Lists memories, cursor-paged.
public struct MemoryListRequest: Sendable, Equatable {
    /// Page size (1–100).
    public var limit: Int
    /// `next_cursor` from the previous page.
    public var cursor: String?
    /// Newest or oldest first.
    public var order: ListOrder
    /// Only this type.
    public var memoryType: MemoryType?
    /// Only at least this confident.
    public var minConfidence: Double?
    /// Only this bucket.
    public var bucket: String?
    /// Only memories carrying all these tags.
    public var tags: [String]
    /// The user namespace.
    public var userID: String?
    /// Only stored at or after this moment.
    public var since: Date?
    /// Only stored at or before this moment.
    public var until: Date?
    /// Include memories that a newer one replaced.
    public var includeSuperseded: Bool

    /// Creates a list request.
    public init(
        limit: Int = 20, cursor: String? = nil, order: ListOrder = .newest, memoryType: MemoryType? = nil,
        minConfidence: Double? = nil, bucket: String? = nil, tags: [String] = [], userID: String? = nil,
        since: Date? = nil, until: Date? = nil, includeSuperseded: Bool = false
    ) {
        self.limit = limit
        self.cursor = cursor
        self.order = order
        self.memoryType = memoryType
        self.minConfidence = minConfidence
        self.bucket = bucket
        self.tags = tags
        self.userID = userID
        self.since = since
        self.until = until
        self.includeSuperseded = includeSuperseded
    }
}

/// One page of memories.
public struct MemoryPage: Sendable, Codable, Equatable {
    /// The memories.
    public var memories: [Memory]
    /// Pass back as `cursor`; absent on the last page.
    public var nextCursor: String?
    /// How many memories match the filters in all.
    public var total: Int

    /// Creates a page.
    public init(memories: [Memory], nextCursor: String?, total: Int) {
        self.memories = memories
        self.nextCursor = nextCursor
        self.total = total
    }
}

/// Changes to one memory.
///
/// A content change supersedes: a new memory replaces the old, linked.
public struct MemoryUpdate: Sendable, Equatable {
    /// The memory to change.
    public var id: String
    /// New content (supersedes).
    public var content: String?
    /// New tags (replace the old ones).
    public var tags: [String]?
    /// New bucket; empty string clears it.
    public var bucket: String?
    /// New type.
    public var memoryType: MemoryType?
    /// Pin or unpin.
    public var pinned: Bool?
    /// New confidence.
    public var confidence: Double?
    /// New metadata (replaces the old).
    public var metadata: [String: JSONValue]?

    /// Creates an update.
    public init(
        id: String, content: String? = nil, tags: [String]? = nil, bucket: String? = nil,
        memoryType: MemoryType? = nil, pinned: Bool? = nil, confidence: Double? = nil,
        metadata: [String: JSONValue]? = nil
    ) {
        self.id = id
        self.content = content
        self.tags = tags
        self.bucket = bucket
        self.memoryType = memoryType
        self.pinned = pinned
        self.confidence = confidence
        self.metadata = metadata
    }
}
