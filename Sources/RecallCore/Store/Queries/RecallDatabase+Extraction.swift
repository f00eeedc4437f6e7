import Foundation
import GRDB

extension RecallDatabase {
    /// The visible active-branch messages of chats, as extractor inputs carrying their provenance
    /// and their chat's bucket.
    func extractionInputs(chatIDs: [Int64]) throws -> [ExtractionInput] {
        try read { db in
            try chatIDs.flatMap { chatID in
                // Another account's chat reads as empty: no bucket, no messages.
                let bucket = try String.fetchOne(
                    db, sql: "SELECT bucket FROM chats WHERE id = ? AND account = ?", arguments: [chatID, account])
                return try MessageRecord.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM messages WHERE chat_id = ? AND position IS NOT NULL AND hidden = 0
                        AND chat_id IN (SELECT id FROM chats WHERE account = ?) ORDER BY position
                        """,
                    arguments: [chatID, account]
                ).map { record in
                    ExtractionInput(
                        text: record.content, role: MessageRole(rawValue: record.role) ?? .user, date: record.createdAt,
                        source: MemorySource(
                            chatID: PublicID.chat.string(chatID), messageID: PublicID.message.string(record.id ?? 0)),
                        bucket: bucket)
                }
            }
        }
    }

    /// Chats cut into groups of about `messages` messages each (a longer chat is a group of its
    /// own), in the order given, and the messages they hold in all: what an extraction reads one
    /// group at a time.
    ///
    /// The counts are the chats' visible active-branch messages, which is what
    /// `extractionInputs` reads.
    func extractionGroups(_ chatIDs: [Int64], messages limit: Int) throws -> (groups: [[Int64]], messages: Int) {
        let counts = try read { db in
            try chatIDs.map {
                try Int.fetchOne(
                    db, sql: "SELECT message_count FROM chats WHERE id = ? AND account = ?", arguments: [$0, account])
                    ?? 0
            }
        }
        return ExtractionGrouping.groups(chatIDs, counts: counts, limit: limit)
    }

    /// Stores extracted candidates in one transaction, deduplicating against current memories and
    /// superseding the ones they contradict; each goes into its own bucket.
    ///
    /// A dry run does the
    /// same and rolls it back, so the outcomes it reports are exactly what storing would do.
    ///
    /// Only the first `describing` candidates get their memory in the batch (reading it back
    /// costs a query), so a long extraction lists a few and counts the rest.
    func store(_ candidates: [MemoryCandidate], userID: String, now: Date, dryRun: Bool, describing: Int) throws
        -> MemoryBatch
    {
        let body = { (db: Database) throws -> MemoryBatch in
            try Self.store(candidates, userID: userID, now: now, describing: describing, into: self, db: db)
        }
        guard dryRun else { return try write(body) }
        return try rolledBack(body)
    }

    /// Stores candidates with `database`'s rules into `db`, which may be another database with
    /// the same schema (a dry run's scratch copy).
    static func store(
        _ candidates: [MemoryCandidate], userID: String, now: Date, describing: Int, into database: RecallDatabase,
        db: Database
    ) throws -> MemoryBatch {
        try MemoryRules(rows: SQLiteMemoryRows(db: db, account: database.account), signing: database.signing)
            .store(candidates, userID: userID, now: now, describing: describing)
    }

    /// A scratch file holding a copy of this store's memories.
    func dryRunScratch() throws -> any MemoryScratch { try DryRunScratch(copying: self) }

    /// Runs `body` in a transaction that is always rolled back.
    private func rolledBack<T>(_ body: (Database) throws -> T) throws -> T {
        // A dry run writes and rolls back, which a read-only store cannot do either.
        if isReadOnly { throw readOnlyError }
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .rollback
                }
                guard let result else { throw RecallError(.internalError, "A dry run produced no result.") }
                return result
            }
        } catch let error as RecallError {
            throw error
        } catch {
            throw RecallError(.storeUnavailable, "The store could not be read for a dry run: \(Self.describe(error)).")
        }
    }

    /// Checks that every chat id names a stored chat and returns the row ids.
    func chatRowIDs(_ ids: [String], field: String) throws -> [Int64] {
        try read { db in try ids.map { try chatRecord($0, field: field, db: db).id ?? 0 } }
    }
}
