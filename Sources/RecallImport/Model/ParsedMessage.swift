public import Foundation

/// One message as a parser read it from an export, before it is stored.
public struct ParsedMessage: Sendable, Equatable {
    /// The platform's own id for the message (the tree node id where there is a tree).
    public var sourceID: String
    /// The platform id of the parent node, when the export is a tree.
    public var parentSourceID: String?
    /// Who spoke.
    public var role: MessageRole
    /// The visible text, cleaned of markup the platform adds.
    public var text: String
    /// When the message was written, if the export says.
    public var createdAt: Date?
    /// Reasoning, tool traffic and system prompts: stored, not shown by default.
    public var hidden: Bool
    /// Index on the active branch (0-based), or nil for a message on another branch.
    public var activePosition: Int?
    /// The platform's content type (`text`, `code`, `thinking`, …), kept for diagnostics.
    public var contentType: String?
    /// Files and images the message referred to.
    public var attachments: [Attachment]
    /// The speaker's name, when the export names people rather than roles (transcripts, group chats).
    public var author: String?

    /// Creates a parsed message.
    public init(
        sourceID: String, parentSourceID: String? = nil, role: MessageRole, text: String,
        createdAt: Date? = nil, hidden: Bool = false, activePosition: Int? = nil,
        contentType: String? = nil, attachments: [Attachment] = [], author: String? = nil
    ) {
        self.sourceID = sourceID
        self.parentSourceID = parentSourceID
        self.role = role
        self.text = text
        self.createdAt = createdAt
        self.hidden = hidden
        self.activePosition = activePosition
        self.contentType = contentType
        self.attachments = attachments
        self.author = author
    }
}
