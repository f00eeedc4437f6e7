/// Parsed conversations waiting to be stored together.
///
/// Committing once per chat made an import spend most of its time rewriting the same pages
/// and flushing the full-text index; a batch of whole chats keeps every chat all-or-nothing
/// while committing about a hundred times per hundred megabytes. The bounds keep memory flat and
/// the write lock short, so other clients of the store wait a fraction of a second at most; with
/// one batch being written while the next is read (`ImportWriter`), they are half what one
/// batch at a time could afford.
struct ImportBatch {
    /// Messages that fill a batch.
    static let messageLimit = 1_000
    /// Bytes of message text (UTF-8) that fill a batch.
    static let byteLimit = 2_000_000

    private var conversations: [ParsedConversation] = []
    private var messages = 0
    private var bytes = 0

    /// Adds a conversation; returns the batch to store, leaving this one empty, once it is full.
    mutating func add(_ conversation: ParsedConversation) -> [ParsedConversation]? {
        conversations.append(conversation)
        messages += conversation.messages.count
        bytes += conversation.messages.reduce(0) { $0 + $1.text.utf8.count }
        return messages >= Self.messageLimit || bytes >= Self.byteLimit ? take() : nil
    }

    /// The conversations so far, leaving the batch empty.
    mutating func take() -> [ParsedConversation] {
        defer { self = ImportBatch() }
        return conversations
    }
}
