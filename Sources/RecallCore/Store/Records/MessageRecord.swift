import Foundation
import GRDB

/// A row of `messages`.
struct MessageRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "messages"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var chatId: Int64
    var sourceId: String
    var parentSourceId: String?
    var role: String
    var content: String
    var attachmentText: String?
    var attachments: String?
    var createdAt: Date?
    var position: Int?
    var hidden: Bool
    var contentType: String?
    var author: String?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// A record for a parsed message in a chat.
    init(_ parsed: ParsedMessage, chatID: Int64) {
        id = nil
        chatId = chatID
        sourceId = parsed.sourceID
        parentSourceId = parsed.parentSourceID
        role = parsed.role.rawValue
        content = parsed.text
        // What the platform extracted from a file, and what an image shows, are both searchable.
        let extracted = parsed.attachments.flatMap { [$0.description, $0.extractedText] }.compactMap { $0 }.filter {
            !$0.isEmpty
        }
        attachmentText = extracted.isEmpty ? nil : extracted.joined(separator: "\n\n")
        attachments = parsed.attachments.isEmpty ? nil : JSONColumn.encode(parsed.attachments)
        createdAt = parsed.createdAt
        position = parsed.activePosition
        hidden = parsed.hidden
        contentType = parsed.contentType
        author = parsed.author
    }

    /// The text that search indexes: the message and what its attachments say.
    var searchText: String {
        attachmentText.map { content + "\n" + $0 } ?? content
    }

    /// True when the stored row already says what the parsed message says.
    func matches(_ other: MessageRecord) -> Bool {
        parentSourceId == other.parentSourceId && role == other.role && content == other.content
            && attachmentText == other.attachmentText && attachments == other.attachments
            && createdAt == other.createdAt && position == other.position && hidden == other.hidden
            && contentType == other.contentType && author == other.author
    }

    /// The public value.
    var message: Message {
        Message(
            id: PublicID.message.string(id ?? 0),
            sourceMessageID: sourceId,
            role: MessageRole(rawValue: role) ?? .user,
            content: content,
            createdAt: createdAt,
            hidden: hidden,
            attachments: attachments.flatMap { JSONColumn.decode([Attachment].self, from: $0) }
        )
    }
}
