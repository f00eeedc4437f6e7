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
                chatIDs += try Int64.fetchAll(db, sql: "SELECT id FROM chats WHERE import_id = ? AND account = ?", arguments: [rowID, self.account])
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
                memoryIDs += try Int64.fetchAll(db, sql: """
                    SELECT id FROM memories WHERE source_chat_id IN (\(chatList))
                    AND NOT EXISTS (SELECT 1 FROM memory_sources s WHERE s.memory_id = memories.id AND s.chat_id NOT IN (\(chatList)))
                    """, arguments: chatArguments + chatArguments)
            }
            // A memory's older versions are the same memory: forgetting it forgets its history,
            // so an old, contradicted version never comes back as current.
            if !memoryIDs.isEmpty {
                memoryIDs += try Int64.fetchAll(db, sql: """
                    WITH RECURSIVE chain(id) AS (
                        SELECT supersedes FROM memories WHERE id IN (\(SQLText.placeholders(memoryIDs.count))) AND supersedes IS NOT NULL
                        UNION SELECT m.supersedes FROM memories m JOIN chain ON m.id = chain.id WHERE m.supersedes IS NOT NULL)
                    SELECT id FROM chain
                    """, arguments: StatementArguments(memoryIDs))
            }
            memoryIDs = Array(Set(memoryIDs)).sorted()
            let messages = chatIDs.isEmpty ? 0 : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages WHERE chat_id IN (\(chatList))", arguments: chatArguments) ?? 0
            let result = ForgetResult(
                dryRun: request.dryRun, memoriesDeleted: memoryIDs.count, chatsDeleted: chatIDs.count, messagesDeleted: messages,
                memoryIDs: memoryIDs.map(PublicID.memory.string), chatIDs: chatIDs.map(PublicID.chat.string))
            if request.dryRun { return result }
            if !chatIDs.isEmpty {
                // Move surviving memories' provenance to another chat that also states them.
                try db.execute(sql: """
                    UPDATE memories SET source_chat_id = (SELECT s.chat_id FROM memory_sources s WHERE s.memory_id = memories.id AND s.chat_id NOT IN (\(chatList)) LIMIT 1),
                    source_message_id = (SELECT s.message_id FROM memory_sources s WHERE s.memory_id = memories.id AND s.chat_id NOT IN (\(chatList)) LIMIT 1)
                    WHERE source_chat_id IN (\(chatList)) AND id NOT IN (\(SQLText.placeholders(memoryIDs.count)))
                    """, arguments: chatArguments + chatArguments + chatArguments + StatementArguments(memoryIDs.isEmpty ? [0] : memoryIDs))
            }
            if !memoryIDs.isEmpty {
                try db.execute(sql: "DELETE FROM memories WHERE id IN (\(SQLText.placeholders(memoryIDs.count)))", arguments: StatementArguments(memoryIDs))
            }
            if !chatIDs.isEmpty {
                try db.execute(sql: "DELETE FROM chats WHERE id IN (\(chatList))", arguments: chatArguments)
            }
            return result
        }
        return request.dryRun ? try read(body) : try write(body)
    }
}
