import Foundation
import PostgresNIO

extension MessageRecord {
    /// The columns `init(postgres:)` reads, in its order (prefix them with a table alias as needed).
    static func postgresColumns(_ alias: String = "") -> String {
        let prefix = alias.isEmpty ? "" : alias + "."
        return [
            "id", "chat_id", "source_id", "parent_source_id", "role", "content", "attachment_text", "attachments",
            "created_at", "position", "hidden", "content_type", "author",
        ].map { prefix + $0 }.joined(separator: ", ")
    }

    /// A message from a row of `SELECT \(postgresColumns()) FROM messages`.
    init(postgres row: PostgresRow) throws {
        let (
            id, chatID, sourceID, parentSourceID, role, content, attachmentText, attachments, createdAt, position,
            hidden, contentType, author
        ) = try row.decode(
            (
                Int64, Int64, String, String?, String, String, String?, String?, Date?, Int?, Bool, String?, String?
            ).self)
        self.id = id
        chatId = chatID
        sourceId = sourceID
        parentSourceId = parentSourceID
        self.role = role
        self.content = content
        self.attachmentText = attachmentText
        self.attachments = attachments
        self.createdAt = createdAt
        self.position = position
        self.hidden = hidden
        self.contentType = contentType
        self.author = author
    }

    /// The values the word and gram indexes are built from.
    var postgresWords: PostgresText.Words { PostgresText.Words(main: content, aside: attachmentText) }
}

extension MessageRecord {
    /// The record with every text PostgreSQL can hold (see `PostgresText.storable`).
    var storableInPostgres: MessageRecord {
        var record = self
        record.sourceId = PostgresText.storable(sourceId)
        record.parentSourceId = PostgresText.storable(parentSourceId)
        record.role = PostgresText.storable(role)
        record.content = PostgresText.storable(content)
        record.attachmentText = PostgresText.storable(attachmentText)
        record.attachments = PostgresText.storable(attachments)
        record.contentType = PostgresText.storable(contentType)
        record.author = PostgresText.storable(author)
        return record
    }
}
