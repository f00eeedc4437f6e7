import Foundation
import GRDB

extension MessageRecord {
    /// Inserts the row and its full-text index rows through cached statements.
    ///
    /// GRDB's `insert`
    /// encodes the record into a persistence container and builds its SQL for every row; over
    /// an import's hundreds of thousands of messages that was a large share of the time.
    mutating func insertCached(_ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO messages (chat_id, source_id, parent_source_id, role, content, attachment_text, attachments,
                                      created_at, position, hidden, content_type, author)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            chatId, sourceId, parentSourceId, role, content, attachmentText, attachments, createdAt, position, hidden,
            contentType, author,
        ])
        let rowID = db.lastInsertedRowID
        id = rowID
        // The full-text row is written here rather than by a trigger: a trigger per row made
        // imports several times slower (schema v4 dropped it).
        try db.cachedStatement(sql: "INSERT INTO messages_fts (rowid, content, attachment_text) VALUES (?, ?, ?)")
            .execute(arguments: [rowID, content, attachmentText])
        try CJKIndex.indexNew(message: rowID, text: searchText, db: db)
    }
}
