public import Foundation

/// A durable fact about the user, with where it came from and what it replaced.
public struct Memory: Sendable, Codable, Equatable {
    /// Recall's id (`mem_7`).
    public var id: String
    /// The memory in one third-person sentence.
    public var content: String
    /// What kind of memory it is.
    public var type: MemoryType
    /// How explicit the evidence was, 0–1.
    public var confidence: Double
    /// Free-form tags.
    public var tags: [String]
    /// A folder-like namespace, if any.
    public var bucket: String?
    /// The user namespace; memories of different users never mix.
    public var userID: String
    /// Who said it when a message was kept verbatim (`user`, `assistant`).
    public var owner: String?
    /// When it was true or said.
    public var memoriesAt: Date?
    /// Where it happened, if known.
    public var latitude: Double?
    /// Where it happened, if known.
    public var longitude: Double?
    /// Caller-supplied structured data.
    public var metadata: [String: JSONValue]?
    /// An image reference for image memories.
    public var imageRef: String?
    /// What the image shows.
    public var imageDescription: String?
    /// The chat and message it came from, when it came from a chat.
    public var source: MemorySource?
    /// Further evidence for the same fact, merged in by deduplication.
    public var extraSources: [MemorySource]?
    /// Pinned memories come first in context blocks.
    public var pinned: Bool
    /// When it was stored.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// The memory this one replaced, if any.
    public var supersedes: String?
    /// The memory that replaced this one, if any.
    public var supersededBy: String?

    /// Creates a memory value.
    public init(
        id: String, content: String, type: MemoryType, confidence: Double, tags: [String] = [],
        bucket: String? = nil, userID: String = Memory.defaultUserID, owner: String? = nil,
        memoriesAt: Date? = nil, latitude: Double? = nil, longitude: Double? = nil,
        metadata: [String: JSONValue]? = nil, imageRef: String? = nil, imageDescription: String? = nil,
        source: MemorySource? = nil, extraSources: [MemorySource]? = nil, pinned: Bool = false,
        createdAt: Date, updatedAt: Date, supersedes: String? = nil, supersededBy: String? = nil
    ) {
        self.id = id
        self.content = content
        self.type = type
        self.confidence = confidence
        self.tags = tags
        self.bucket = bucket
        self.userID = userID
        self.owner = owner
        self.memoriesAt = memoriesAt
        self.latitude = latitude
        self.longitude = longitude
        self.metadata = metadata
        self.imageRef = imageRef
        self.imageDescription = imageDescription
        self.source = source
        self.extraSources = extraSources
        self.pinned = pinned
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.supersedes = supersedes
        self.supersededBy = supersededBy
    }

    /// The namespace used when a caller names no user.
    public static let defaultUserID = "default"
}
