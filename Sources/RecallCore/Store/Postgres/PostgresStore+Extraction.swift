import Foundation
import PostgresNIO

extension PostgresStore {
    /// The visible active-branch messages of chats, as extractor inputs carrying their provenance
    /// and their chat's bucket.
    func extractionInputs(chatIDs: [Int64]) throws -> [ExtractionInput] {
        try read { connection in
            try chatIDs.flatMap { chatID in
                // Another account's chat reads as empty: no bucket, no messages.
                let bucket =
                    try connection.run(
                        "SELECT bucket FROM chats WHERE id = \(chatID) AND account = \(account)"
                    ).rows.first?.decode(String?.self) ?? nil
                return try connection.run(
                    """
                    SELECT id, content, role, created_at FROM messages
                    WHERE chat_id = \(chatID) AND position IS NOT NULL AND NOT hidden
                    AND chat_id IN (SELECT id FROM chats WHERE account = \(account)) ORDER BY position
                    """
                ).rows.map { row in
                    let (id, content, role, date) = try row.decode((Int64, String, String, Date?).self)
                    return ExtractionInput(
                        text: content, role: MessageRole(rawValue: role) ?? .user, date: date,
                        source: MemorySource(
                            chatID: PublicID.chat.string(chatID), messageID: PublicID.message.string(id)),
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
        let counts = try read { connection in
            try chatIDs.map { chatID in
                try connection.run("SELECT message_count FROM chats WHERE id = \(chatID) AND account = \(account)")
                    .rows.first.map { Int(try $0.decode(Int32.self)) } ?? 0
            }
        }
        return ExtractionGrouping.groups(chatIDs, counts: counts, limit: limit)
    }

    /// Checks that every chat id names one of the account's chats and returns the row ids.
    func chatRowIDs(_ ids: [String], field: String) throws -> [Int64] {
        try read { connection in
            try ids.map { id in
                let rowID = try PublicID.chat.require(id, field: field)
                guard
                    try connection.run("SELECT 1 FROM chats WHERE id = \(rowID) AND account = \(account)").rows.first
                        != nil
                else {
                    throw RecallError(.notFound, "No chat with id \(id). Use list_chats or search to find chat ids.")
                }
                return rowID
            }
        }
    }

    /// Stores extracted candidates in one transaction, deduplicating against current memories and
    /// superseding the ones they contradict; each goes into its own bucket.
    ///
    /// A dry run does the same and rolls it back, so the outcomes it reports are exactly what
    /// storing would do. Only the first `describing` candidates get their memory in the batch.
    func store(_ candidates: [MemoryCandidate], userID: String, now: Date, dryRun: Bool, describing: Int) throws
        -> MemoryBatch
    {
        let body = { (connection: PostgresConnection) throws -> MemoryBatch in
            try self.rules(connection).store(candidates, userID: userID, now: now, describing: describing)
        }
        guard dryRun else { return try write(body) }
        return try rolledBack { connection in try Self.keepingMemoryIDs(connection) { try body(connection) } }
    }

    /// Runs a dry run's body and puts the memories' id sequence back where it was.
    ///
    /// A rollback does not take back the ids a sequence gave out, as SQLite's does; without this
    /// a dry run would move every later memory's id on, and report ids storing would not give.
    /// Safe because every insert into memories holds the store's write lock, which the dry run
    /// holds too: no other transaction can have taken an id meanwhile.
    static func keepingMemoryIDs<T>(_ connection: PostgresConnection, _ body: () throws -> T) throws -> T {
        let (last, called) =
            try connection.run("SELECT last_value, is_called FROM memories_id_seq").rows.first?.decode(
                (Int64, Bool).self) ?? (Int64(1), false)
        defer { _ = try? connection.run("SELECT setval('memories_id_seq', \(last), \(called))") }
        return try body()
    }

    /// A copy of the account's memories in this process, where a long dry run stores batch after
    /// batch without holding a connection or a lock (see `PostgresDryRunScratch`).
    func dryRunScratch() throws -> any MemoryScratch { try PostgresDryRunScratch(copying: self) }
}
