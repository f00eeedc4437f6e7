import Foundation
import GRDB

/// A row of `chats`.
struct ChatRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "chats"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var platform: String
    var sourceId: String
    var title: String?
    var titleOverride: String?
    var createdAt: Date?
    var updatedAt: Date?
    var pinned: Bool
    var bucket: String?
    var tags: String
    var importId: Int64?
    var messageCount: Int
    var tokenCount: Int
    var contentHash: String
    var metadata: String
    /// The account that owns the row (see `Account`).
    var account: String = Account.local
    /// The fingerprint of the export bytes the chat was last read from cleanly, if it was.
    var fingerprint: String?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The public value.
    var chat: Chat {
        Chat(
            id: PublicID.chat.string(id ?? 0),
            platform: Platform(rawValue: platform) ?? .transcript,
            sourceID: sourceId,
            title: titleOverride ?? nonEmpty(title) ?? "Untitled",
            messageCount: messageCount,
            tokenCount: tokenCount,
            createdAt: createdAt,
            updatedAt: updatedAt,
            pinned: pinned,
            bucket: bucket,
            tags: JSONColumn.decodeStrings(tags),
            importID: importId.map(PublicID.importRun.string)
        )
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }
}

extension ChatRecord {
    /// Takes the chat's fields from its conversation: title, dates, the active branch's visible
    /// message and token counts, content hash, fingerprint and metadata.
    mutating func apply(_ conversation: ParsedConversation, hash: String) {
        let active = conversation.messages.filter { $0.activePosition != nil && !$0.hidden }
        title = conversation.title
        createdAt = conversation.createdAt ?? conversation.messages.compactMap(\.createdAt).min()
        updatedAt = conversation.updatedAt ?? conversation.messages.compactMap(\.createdAt).max() ?? createdAt
        messageCount = active.count
        tokenCount = active.reduce(0) { $0 + TokenEstimate.tokens(in: $1.text) }
        contentHash = hash
        fingerprint = conversation.fingerprint
        metadata = JSONColumn.encode(conversation.metadata)
    }
}
