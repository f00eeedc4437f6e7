import Foundation
import GRDB

extension MessageRecord {
    /// Inserts the row through one cached statement. GRDB's `insert` encodes the record into a
    /// persistence container and builds its SQL for every row; over an import's hundreds of
    /// thousands of messages that was a large share of the time.
    mutating func insertCached(_ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO messages (chat_id, source_id, parent_source_id, role, content, attachment_text, attachments,
                                  created_at, position, hidden, content_type, author)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            chatId, sourceId, parentSourceId, role, content, attachmentText, attachments, createdAt, position, hidden, contentType, author,
        ])
        id = db.lastInsertedRowID
        try CJKIndex.index(message: db.lastInsertedRowID, text: searchText, db: db)
    }
}
