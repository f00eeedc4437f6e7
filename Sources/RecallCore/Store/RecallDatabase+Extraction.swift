import Foundation
import GRDB

extension RecallDatabase {
    /// The visible active-branch messages of chats, as extractor inputs carrying their provenance.
    func extractionInputs(chatIDs: [Int64]) throws -> [ExtractionInput] {
        try read { db in
            try chatIDs.flatMap { chatID in
                try MessageRecord.fetchAll(
                    db, sql: """
                        SELECT * FROM messages WHERE chat_id = ? AND position IS NOT NULL AND hidden = 0
                        AND chat_id IN (SELECT id FROM chats WHERE account = ?) ORDER BY position
                        """,
                    arguments: [chatID, account]
                ).map { record in
                    ExtractionInput(
                        text: record.content, role: MessageRole(rawValue: record.role) ?? .user, date: record.createdAt,
                        source: MemorySource(chatID: PublicID.chat.string(chatID), messageID: PublicID.message.string(record.id ?? 0)))
                }
            }
        }
    }

    /// Stores extracted candidates in one transaction, deduplicating against current memories and
    /// superseding the ones they contradict. A dry run does the same and rolls it back, so the
    /// outcomes it reports are exactly what storing would do.
    func store(_ candidates: [MemoryCandidate], userID: String, now: Date, dryRun: Bool = false) throws -> MemoryBatch {
        let body = { (db: Database) throws -> MemoryBatch in
            var batch = MemoryBatch()
            for candidate in candidates {
                var draft = MemoryDraft(content: candidate.content, type: candidate.type, confidence: candidate.confidence)
                draft.userID = userID
                draft.memoriesAt = candidate.memoriesAt
                draft.sourceChatID = candidate.source.flatMap { PublicID.chat.rowID($0.chatID) }
                draft.sourceMessageID = candidate.source?.messageID.flatMap { PublicID.message.rowID($0) }
                let (record, outcome) = try self.insertMemory(draft, now: now, db: db)
                batch.outcomes.append(outcome)
                batch.memories.append(try self.memory(record, db: db))
            }
            return batch
        }
        guard dryRun else { return try write(body) }
        return try rolledBack(body)
    }

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
