import Foundation
import GRDB

/// The memory rules' rows in a SQLite database: the store's own, or a dry run's scratch copy.
struct SQLiteMemoryRows: MemoryRows {
    /// The database, inside a write transaction.
    let db: Database
    /// Whose rows the lookups read and new rows belong to.
    let account: String

    /// A memory by row id.
    func memory(rowID: Int64) throws -> MemoryRecord? {
        try MemoryRecord.fetchOne(db, key: rowID)
    }

    // In the lookups below `+account` keeps the planner off the (account, user_id) index, which
    // it prefers without statistics and which reads every memory of the user: 5.7 ms a lookup at
    // 10k memories, against 0.02 ms through the (user_id, normalized|gist|slot) indexes.

    /// A memory of this user that already cites the record's message for the same statement.
    func knownEvidence(_ record: MemoryRecord) throws -> MemoryRecord? {
        guard let chat = record.sourceChatId else { return nil }
        return try MemoryRecord.fetchOne(
            db,
            sql: """
                SELECT * FROM memories WHERE +account = ? AND user_id = ? AND (normalized = ? OR gist = ?)
                AND ((source_chat_id = ? AND source_message_id IS ?)
                     OR EXISTS (SELECT 1 FROM memory_sources s WHERE s.memory_id = memories.id AND s.chat_id = ? AND s.message_id IS ?))
                LIMIT 1
                """,
            arguments: [
                account, record.userId, record.normalized, record.gist, chat, record.sourceMessageId, chat,
                record.sourceMessageId,
            ])
    }

    /// The first current memory of a user and bucket with this normalized text.
    func current(userID: String, bucket: String?, normalized: String) throws -> MemoryRecord? {
        try currentWhere("normalized = ?", userID: userID, bucket: bucket, value: normalized)
    }

    /// The first current memory of a user and bucket with this gist.
    func current(userID: String, bucket: String?, gist: String) throws -> MemoryRecord? {
        try currentWhere("gist = ?", userID: userID, bucket: bucket, value: gist)
    }

    private func currentWhere(_ condition: String, userID: String, bucket: String?, value: String) throws
        -> MemoryRecord?
    {
        try MemoryRecord.fetchOne(
            db,
            sql: """
                SELECT * FROM memories WHERE +account = ? AND user_id = ? AND bucket IS ? AND superseded_by IS NULL
                AND \(condition) LIMIT 1
                """,
            arguments: [account, userID, bucket, value])
    }

    /// The newest current memory of a user and bucket holding this slot.
    func slotHolder(userID: String, bucket: String?, slot: String) throws -> MemoryRecord? {
        try MemoryRecord.fetchOne(
            db,
            sql:
                "SELECT * FROM memories WHERE +account = ? AND user_id = ? AND bucket IS ? AND slot = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1",
            arguments: [account, userID, bucket, slot])
    }

    /// Inserts a memory; its CJK grams and full-text row come with it (see `MemoryRecord`).
    func insert(_ record: inout MemoryRecord) throws {
        try record.insert(db)
    }

    /// Writes every column of a stored memory; the full-text triggers follow.
    func update(_ record: MemoryRecord) throws {
        try record.update(db)
    }

    /// Adds an extra source unless the memory has it.
    func addSource(memoryID: Int64, chatID: Int64, messageID: Int64?) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO memory_sources (memory_id, chat_id, message_id) VALUES (?, ?, ?)",
            arguments: [memoryID, chatID, messageID])
    }

    /// Points `superseded_by` at a newer memory.
    func setSupersededBy(_ newerID: Int64, of memoryID: Int64) throws {
        try db.execute(sql: "UPDATE memories SET superseded_by = ? WHERE id = ?", arguments: [newerID, memoryID])
    }

    /// A memory's extra sources in the order they were added.
    func extraSources(of memoryID: Int64) throws -> [MemorySource] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT chat_id, message_id FROM memory_sources WHERE memory_id = ? ORDER BY rowid"),
            arguments: [memoryID])
        return rows.map { row in
            MemorySource(
                chatID: PublicID.chat.string(row["chat_id"]),
                messageID: (row["message_id"] as Int64?).map(PublicID.message.string))
        }
    }
}
