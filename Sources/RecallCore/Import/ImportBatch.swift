/// Parsed conversations waiting to be stored together.
///
/// Committing once per chat made an import spend most of its time rewriting the same pages
/// and flushing the full-text index; a batch of whole chats keeps every chat all-or-nothing
/// while committing a few dozen times per hundred megabytes. The bounds keep memory flat and
/// the write lock short, so other clients of the store wait a fraction of a second at most.
struct ImportBatch {
    /// Messages that fill a batch.
    static let messageLimit = 2_000
    /// Bytes of message text (UTF-8) that fill a batch.
    static let byteLimit = 4_000_000

    private var conversations: [ParsedConversation] = []
    private var messages = 0
    private var bytes = 0

    /// Whether the batch should be stored before more is added.
    var isFull: Bool { messages >= Self.messageLimit || bytes >= Self.byteLimit }

    /// Adds a conversation.
    mutating func append(_ conversation: ParsedConversation) {
        conversations.append(conversation)
        messages += conversation.messages.count
        bytes += conversation.messages.reduce(0) { $0 + $1.text.utf8.count }
    }

    /// The conversations so far, leaving the batch empty.
    mutating func take() -> [ParsedConversation] {
        defer { self = ImportBatch() }
        return conversations
    }
}
