/// Where a memory came from: the chat and message that state it.
public struct MemorySource: Sendable, Codable, Equatable, Hashable {
    /// Recall's chat id.
    public var chatID: String
    /// Recall's message id.
    public var messageID: String?

    /// Creates a provenance link.
    public init(chatID: String, messageID: String?) {
        self.chatID = chatID
        self.messageID = messageID
    }
}
