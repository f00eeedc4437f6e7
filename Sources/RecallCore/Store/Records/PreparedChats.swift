import Foundation

/// A batch of conversations made ready to store: what can be computed without the write lock
/// (content hashes, message vectors) is done.
struct PreparedChats: Sendable {
    /// One conversation with its dates made storable and its content hash.
    struct Item: Sendable {
        /// The conversation as it will be stored.
        var conversation: ParsedConversation
        /// `ConversationHash` of it.
        var hash: String
    }

    /// The conversations, in order.
    var items: [Item]
    /// Their messages' vectors, when the store keeps vectors.
    var vectors: MessageVectors?
    /// Their texts' index values, when the store makes them ahead (PostgreSQL does).
    var postgresIndex: PostgresIndexValues?

    /// The messages of the batch.
    var messageCount: Int { items.reduce(0) { $0 + $1.conversation.messages.count } }
}
