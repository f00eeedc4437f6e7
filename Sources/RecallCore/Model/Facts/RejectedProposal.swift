/// A proposed fact that was dropped, and why.
public struct RejectedProposal: Sendable, Codable, Equatable {
    /// The message it cited, as given.
    public var messageID: String
    /// The sentence, as given.
    public var content: String
    /// Why it was dropped, in one line.
    public var reason: String

    /// Creates a rejection.
    public init(messageID: String, content: String, reason: String) {
        self.messageID = messageID
        self.content = content
        self.reason = reason
    }
}
