import Foundation
import GRDB

/// Keeps the CJK gram tables in step with messages and memories.
enum CJKIndex {
    /// Replaces a message's grams (nothing is stored for text without CJK).
    static func index(message id: Int64, text: String, db: Database) throws {
        try replace(table: "messages_cjk", id: id, text: text, db: db)
    }

    /// Replaces a memory's grams.
    static func index(memory id: Int64, text: String, db: Database) throws {
        try replace(table: "memories_cjk", id: id, text: text, db: db)
    }

    /// Indexes a message inserted just now, which has no grams to remove yet.
    static func indexNew(message id: Int64, text: String, db: Database) throws {
        try insert(table: "messages_cjk", id: id, text: text, db: db)
    }

    private static func replace(table: String, id: Int64, text: String, db: Database) throws {
        try db.execute(sql: "DELETE FROM \(table) WHERE rowid = ?", arguments: [id])
        try insert(table: table, id: id, text: text, db: db)
    }

    private static func insert(table: String, id: Int64, text: String, db: Database) throws {
        if let grams = CJKGrams.indexText(text) {
            try db.cachedStatement(sql: "INSERT INTO \(table) (rowid, grams) VALUES (?, ?)").execute(arguments: [
                id, grams,
            ])
        }
    }
}
