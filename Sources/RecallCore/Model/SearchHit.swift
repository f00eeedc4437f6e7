public import Foundation

/// One search result: a memory or a message, with a snippet and a score.
public struct SearchHit: Sendable, Codable, Equatable {
    /// Which kind of thing matched.
    public enum Kind: String, Sendable, Codable { case memory, message }

    /// What found a hit: its words (or, for a turn, its neighbours' words), its meaning, or both.
    public enum Evidence: String, Sendable, Codable { case keyword, meaning }

    /// Which kind of thing matched.
    public var kind: Kind
    /// Recall's id of the memory or message.
    public var id: String
    /// Higher is better; memories and messages share the scale, so one list merges both.
    public var score: Double
    /// What found it; absent when the query had nothing to search for (newest items listed).
    public var matchedBy: [Evidence]?
    /// The matching passage, with matched terms in `**bold**`.
    public var snippet: String
    /// When the message was written or the memory was true.
    public var createdAt: Date?
    // Message hits
    /// The platform's own message id.
    public var sourceMessageID: String?
    /// The chat the message is in, or the memory came from.
    public var chatID: String?
    /// The chat's title.
    public var chatTitle: String?
    /// The platform the chat came from.
    public var platform: Platform?
    /// Who spoke.
    public var role: MessageRole?
    // Memory hits
    /// The memory's full text.
    public var content: String?
    /// The memory's type.
    public var memoryType: MemoryType?
    /// The memory's confidence.
    public var confidence: Double?
    /// The memory's tags.
    public var tags: [String]?
    /// The memory's bucket.
    public var bucket: String?
    /// The message the memory came from.
    public var source: MemorySource?

    /// Creates a hit.
    public init(kind: Kind, id: String, score: Double, snippet: String, createdAt: Date? = nil) {
        self.kind = kind
        self.id = id
        self.score = score
        self.snippet = snippet
        self.createdAt = createdAt
    }
}
