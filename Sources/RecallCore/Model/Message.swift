public import Foundation

/// A stored message, as `get_conversation` returns it.
public struct Message: Sendable, Codable, Equatable {
    /// Recall's id for the message (`msg_1234`).
    public var id: String
    /// The platform's own message id.
    public var sourceMessageID: String
    /// Who spoke.
    public var role: MessageRole
    /// The text.
    public var content: String
    /// When it was written, if known.
    public var createdAt: Date?
    /// True for reasoning, tool traffic and system prompts.
    public var hidden: Bool
    /// Files and images it referred to.
    public var attachments: [Attachment]?

    /// Creates a message value.
    public init(
        id: String, sourceMessageID: String, role: MessageRole, content: String, createdAt: Date?,
        hidden: Bool, attachments: [Attachment]? = nil
    ) {
        self.id = id
        self.sourceMessageID = sourceMessageID
        self.role = role
        self.content = content
        self.createdAt = createdAt
        self.hidden = hidden
        self.attachments = attachments
    }
}
