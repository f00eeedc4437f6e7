import Foundation
import PostgresNIO

extension PostgresStore {
    /// Deletes memories, chats or an import's chats in one transaction; on a dry run, only counts.
    ///
    /// Forgetting a memory forgets the versions it superseded. Deleting a chat removes its
    /// messages, their vectors and index values, and the memories extracted from it; a memory
    /// with evidence in another chat keeps that evidence. `word_stats` loses what was deleted.
    ///
    /// PostgreSQL has no `secure_delete`: deleted rows stay in the table's pages (and in the WAL
    /// and any base backup) until VACUUM reuses the space and later writes overwrite it. What is
    /// forgotten is gone from every query at once; keeping it off the disk is the server's part
    /// (regular VACUUM, an encrypted volume, WAL and backup retention).
    func forget(_ request: ForgetRequest) throws -> ForgetResult {
        let body = { (connection: PostgresConnection) throws -> ForgetResult in
            var chatIDs = try request.chatIDs.map { id -> Int64 in
                try self.chatRecord(id, field: "chat_ids", on: connection).id ?? 0
            }
            if let importID = request.importID {
                let rowID = try self.importRowID(importID, on: connection)
                chatIDs += try connection.run(
                    "SELECT id FROM chats WHERE import_id = \(rowID) AND account = \(self.account)"
                ).rows.map { try $0.decode(Int64.self) }
            }
            chatIDs = Array(Set(chatIDs)).sorted()
            var memoryIDs = try request.memoryIDs.map { try self.forgettableMemory($0, on: connection) }
            if !chatIDs.isEmpty {
                // Memories whose evidence lives only in these chats go with them.
                memoryIDs += try connection.run(
                    """
                    SELECT id FROM memories WHERE source_chat_id = ANY(\(chatIDs))
                    AND NOT EXISTS (SELECT 1 FROM memory_sources s WHERE s.memory_id = memories.id AND s.chat_id <> ALL(\(chatIDs)))
                    """
                ).rows.map { try $0.decode(Int64.self) }
            }
            // A memory's older versions are the same memory: forgetting it forgets its history,
            // so an old, contradicted version never comes back as current.
            if !memoryIDs.isEmpty {
                memoryIDs += try connection.run(
                    """
                    WITH RECURSIVE chain(id) AS (
                        SELECT supersedes FROM memories WHERE id = ANY(\(memoryIDs)) AND supersedes IS NOT NULL
                        UNION SELECT m.supersedes FROM memories m JOIN chain ON m.id = chain.id WHERE m.supersedes IS NOT NULL)
                    SELECT id FROM chain
                    """
                ).rows.map { try $0.decode(Int64.self) }
            }
            memoryIDs = Array(Set(memoryIDs)).sorted()
            // Counted as list_chats and memory_stats count them, with what else is stored apart.
            let counts =
                chatIDs.isEmpty
                ? (0, 0)
                : try connection.run(
                    """
                    SELECT (SELECT COALESCE(SUM(message_count), 0)::bigint FROM chats WHERE id = ANY(\(chatIDs))),
                           (SELECT COUNT(*) FROM messages WHERE chat_id = ANY(\(chatIDs)))
                    """
                ).rows.first?.decode((Int, Int).self) ?? (0, 0)
            let result = ForgetResult(
                dryRun: request.dryRun, memoriesDeleted: memoryIDs.count, chatsDeleted: chatIDs.count,
                messagesDeleted: counts.0, otherMessagesDeleted: max(0, counts.1 - counts.0),
                memoryIDs: memoryIDs.map(PublicID.memory.string), chatIDs: chatIDs.map(PublicID.chat.string))
            if request.dryRun { return result }
            try self.delete(chats: chatIDs, memories: memoryIDs, importID: request.importID, on: connection)
            return result
        }
        return request.dryRun ? try read(body) : try write(body)
    }

    /// The row id of one of this account's memories, or a not-found error that says where ids are.
    private func forgettableMemory(_ id: String, on connection: PostgresConnection) throws -> Int64 {
        let rowID = try PublicID.memory.require(id, field: "memory_ids")
        guard
            !(try connection.run("SELECT 1 FROM memories WHERE id = \(rowID) AND account = \(account)").rows.isEmpty)
        else {
            throw RecallError(.notFound, "No memory with id \(id). Use list_memories or search to find memory ids.")
        }
        return rowID
    }

    /// Deletes what `forget` found, keeping surviving memories' provenance and `word_stats` right.
    private func delete(
        chats chatIDs: [Int64], memories memoryIDs: [Int64], importID: String?, on connection: PostgresConnection
    )
        throws
    {
        if !chatIDs.isEmpty {
            // Move surviving memories' provenance to another chat that also states them (the
            // same source row for both columns, the first as SQLite's unique index orders them).
            _ = try connection.run(
                """
                UPDATE memories SET
                source_chat_id = (SELECT s.chat_id FROM memory_sources s WHERE s.memory_id = memories.id
                    AND s.chat_id <> ALL(\(chatIDs)) ORDER BY s.chat_id, s.message_id NULLS FIRST LIMIT 1),
                source_message_id = (SELECT s.message_id FROM memory_sources s WHERE s.memory_id = memories.id
                    AND s.chat_id <> ALL(\(chatIDs)) ORDER BY s.chat_id, s.message_id NULLS FIRST LIMIT 1)
                WHERE source_chat_id = ANY(\(chatIDs)) AND id <> ALL(\(memoryIDs))
                """)
        }
        var memoryTally = PostgresWordTally()
        // With the memories, any left pointing at a forgotten chat (its cascade would skip word_stats).
        for row in try connection.run(
            "DELETE FROM memories WHERE id = ANY(\(memoryIDs)) OR source_chat_id = ANY(\(chatIDs)) RETURNING word_count"
        ).rows {
            memoryTally.documents -= 1
            memoryTally.words -= try row.decode(Int.self)
        }
        try memoryTally.apply("memories", on: connection)
        if !chatIDs.isEmpty {
            let (documents, words) =
                try connection.run(
                    "SELECT COUNT(*), COALESCE(SUM(word_count), 0)::bigint FROM messages WHERE chat_id = ANY(\(chatIDs))"
                ).rows.first?.decode((Int, Int).self) ?? (0, 0)
            try PostgresWordTally(documents: -documents, words: -words).apply("messages", on: connection)
            // The record of an import names its file; once none of its chats is left, it goes too.
            var imports = try connection.run(
                "SELECT DISTINCT import_id FROM chats WHERE id = ANY(\(chatIDs)) AND import_id IS NOT NULL"
            ).rows.map { try $0.decode(Int64.self) }
            if let importID, let rowID = PublicID.importRun.rowID(importID) { imports.append(rowID) }
            // Messages, their vectors and memory sources go with their chats (ON DELETE CASCADE).
            _ = try connection.run("DELETE FROM chats WHERE id = ANY(\(chatIDs))")
            if !imports.isEmpty {
                _ = try connection.run(
                    """
                    DELETE FROM imports WHERE id = ANY(\(imports))
                    AND NOT EXISTS (SELECT 1 FROM chats WHERE chats.import_id = imports.id)
                    """)
            }
        } else if let importID, let rowID = PublicID.importRun.rowID(importID) {
            _ = try connection.run("DELETE FROM imports WHERE id = \(rowID)")
        }
    }
}
