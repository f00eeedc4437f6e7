public import Foundation

/// One conversation as a parser read it: the boundary type between parsing and storing.
public struct ParsedConversation: Sendable, Equatable {
    /// The platform it came from.
    public var platform: Platform
    /// The platform's own conversation id.
    public var sourceID: String
    /// The title, when the export has one.
    public var title: String?
    /// When the conversation started.
    public var createdAt: Date?
    /// When the conversation last changed.
    public var updatedAt: Date?
    /// Every message of the tree: the active branch in order, then the other branches.
    public var messages: [ParsedMessage]
    /// Free-form facts about the chat (model, project, custom instructions).
    public var metadata: [String: String]
    /// The fingerprint of the export bytes it was read from, when they were read cleanly.
    ///
    /// Clean means no repair and no warning, so reading the same bytes again gives the same
    /// conversation; nil for a conversation built some other way. It says how the conversation
    /// was read, not what it holds, so equality leaves it out.
    public var fingerprint: String?

    /// Creates a parsed conversation.
    public init(
        platform: Platform, sourceID: String, title: String? = nil, createdAt: Date? = nil,
        updatedAt: Date? = nil, messages: [ParsedMessage] = [], metadata: [String: String] = [:]
    ) {
        self.platform = platform
        self.sourceID = sourceID
        self.title = title
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.messages = messages
        self.metadata = metadata
    }

    /// Equal when they hold the same conversation, however each was read.
    public static func == (lhs: ParsedConversation, rhs: ParsedConversation) -> Bool {
        lhs.platform == rhs.platform && lhs.sourceID == rhs.sourceID && lhs.title == rhs.title
            && lhs.createdAt == rhs.createdAt && lhs.updatedAt == rhs.updatedAt && lhs.messages == rhs.messages
            && lhs.metadata == rhs.metadata
    }

    /// The messages on the active branch, in order.
    public var activeBranch: [ParsedMessage] {
        messages.filter { $0.activePosition != nil }.sorted { ($0.activePosition ?? 0) < ($1.activePosition ?? 0) }
    }
}
