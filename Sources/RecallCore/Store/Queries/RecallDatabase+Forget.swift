import Foundation
import GRDB

extension RecallDatabase {
    /// Deletes memories, chats or an import's chats in one transaction; on a dry run, only counts.
    ///
    /// Forgetting a memory forgets the versions it superseded.
    /// Deleting a chat removes its messages (and their search rows, through the FTS triggers) and
    /// the memories extracted from it; a memory with evidence in another chat keeps that evidence.
    func forget(_ request: ForgetRequest) throws -> ForgetResult {
        let body = { (db: Database) throws -> ForgetResult in
            var chatIDs = try request.chatIDs.map { id -> Int64 in
                let chat = try self.chatRecord(id, field: "chat_ids", db: db)
                return chat.id ?? 0
            }
            if let importID = request.importID {
                let rowID = try self.importRowID(importID, db: db)
                chatIDs += try Int64.fetchAll(
                    db, sql: "SELECT id FROM chats WHERE import_id = ? AND account = ?",
                    arguments: [rowID, self.account])
            }
            chatIDs = Array(Set(chatIDs)).sorted()
            var memoryIDs = try request.memoryIDs.map { id -> Int64 in
                let memory = try self.memoryRecord(id, field: "memory_ids", db: db)
                return memory.id ?? 0
            }
            let chatList = SQLText.placeholders(chatIDs.count)
            let chatArguments = StatementArguments(chatIDs)
            if !chatIDs.isEmpty {
                // Memories whose evidence lives only in these chats go with them.
                memoryIDs += try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM memories WHERE source_chat_id IN (\(chatList))
                        AND NOT EXISTS (SELECT 1 FROM memory_sources s WHERE s.memory_id = memories.id AND s.chat_id NOT IN (\(chatList)))
                        """, arguments: chatArguments + chatArguments)
            }
            // A memory's older versions are the same memory: forgetting it forgets its history,
            // so an old, contradicted version never comes back as current.
            if !memoryIDs.isEmpty {
                memoryIDs += try Int64.fetchAll(
                    db,
                    sql: """
                        WITH RECURSIVE chain(id) AS (
                            SELECT supersedes FROM memories WHERE id IN (\(SQLText.placeholders(memoryIDs.count))) AND supersedes IS NOT NULL
                            UNION SELECT m.supersedes FROM memories m JOIN chain ON m.id = chain.id WHERE m.supersedes IS NOT NULL)
                        SELECT id FROM chain
                        """, arguments: StatementArguments(memoryIDs))
            }
            memoryIDs = Array(Set(memoryIDs)).sorted()
            // Counted as list_chats and memory_stats count them, with what else is stored apart.
            let shown =
                chatIDs.isEmpty
                ? 0
                : try Int.fetchOne(
                    db, sql: "SELECT COALESCE(SUM(message_count), 0) FROM chats WHERE id IN (\(chatList))",
                    arguments: chatArguments) ?? 0
            let stored =
                chatIDs.isEmpty
                ? 0
                : try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM messages WHERE chat_id IN (\(chatList))", arguments: chatArguments)
                    ?? 0
            let result = ForgetResult(
                dryRun: request.dryRun, memoriesDeleted: memoryIDs.count, chatsDeleted: chatIDs.count,
                messagesDeleted: shown,
                otherMessagesDeleted: max(0, stored - shown),
                memoryIDs: memoryIDs.map(PublicID.memory.string), chatIDs: chatIDs.map(PublicID.chat.string))
            if request.dryRun { return result }
            if !chatIDs.isEmpty {
                // Move surviving memories' provenance to another chat that also states them.
                try db.execute(
                    sql: """
                        UPDATE memories SET source_chat_id = (SELECT s.chat_id FROM memory_sources s WHERE s.memory_id = memories.id AND s.chat_id NOT IN (\(chatList)) LIMIT 1),
                        source_message_id = (SELECT s.message_id FROM memory_sources s WHERE s.memory_id = memories.id AND s.chat_id NOT IN (\(chatList)) LIMIT 1)
                        WHERE source_chat_id IN (\(chatList)) AND id NOT IN (\(SQLText.placeholders(memoryIDs.count)))
                        """,
                    arguments: chatArguments + chatArguments + chatArguments
                        + StatementArguments(memoryIDs.isEmpty ? [0] : memoryIDs))
            }
            if !memoryIDs.isEmpty {
                try db.execute(
                    sql: "DELETE FROM memories WHERE id IN (\(SQLText.placeholders(memoryIDs.count)))",
                    arguments: StatementArguments(memoryIDs))
            }
            if !chatIDs.isEmpty {
                // The record of an import names its file; once none of its chats is left, it goes too.
                var imports = try Int64.fetchAll(
                    db, sql: "SELECT DISTINCT import_id FROM chats WHERE id IN (\(chatList)) AND import_id IS NOT NULL",
                    arguments: chatArguments)
                if let importID = request.importID, let rowID = PublicID.importRun.rowID(importID) {
                    imports.append(rowID)
                }
                try db.execute(sql: "DELETE FROM chats WHERE id IN (\(chatList))", arguments: chatArguments)
                if !imports.isEmpty {
                    try db.execute(
                        sql: """
                            DELETE FROM imports WHERE id IN (\(SQLText.placeholders(imports.count)))
                            AND NOT EXISTS (SELECT 1 FROM chats WHERE chats.import_id = imports.id)
                            """, arguments: StatementArguments(imports))
                }
            } else if let importID = request.importID, let rowID = PublicID.importRun.rowID(importID) {
                try db.execute(sql: "DELETE FROM imports WHERE id = ?", arguments: [rowID])
            }
            return result
        }
        if request.dryRun { return try read(body) }
        let result = try write(body)
        scrubForgottenText(memories: result.memoriesDeleted > 0)
        return result
    }

    /// Makes forgotten text unrecoverable from the files: `secure_delete` has zeroed the freed
    /// pages, and a checkpoint copies them over the old ones and empties the WAL, whose frames
    /// still held the text as it was written.
    ///
    /// The memories' full-text indexes are rewritten too (`optimize`), since a deleted row's words
    /// stay in an FTS5 index until its segments are merged; they are small, so it takes a moment.
    /// The messages' index is not: at a million messages that takes many seconds under the write
    /// lock, which other processes on the store cannot wait for (see the README).
    /// Best effort: a reader in another process can hold the WAL for a moment, and then the next
    /// checkpoint finishes the job.
    private func scrubForgottenText(memories: Bool) {
        if memories {
            _ = try? writer.write { db in
                try db.execute(sql: "INSERT INTO memories_fts(memories_fts) VALUES('optimize')")
                try db.execute(sql: "INSERT INTO memories_cjk(memories_cjk) VALUES('optimize')")
            }
        }
        _ = try? writer.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
        }
    }
}
