import Foundation
import GRDB

extension RecallDatabase {
    /// The account's chats a message search may look in, when its filters narrow by chat
    /// (platform, chat, bucket, tags); nil when every chat may hold a match (the vector index
    /// searched holds the account's rows only: see `VectorIndexes`).
    func chatsPassing(_ filters: SearchFilters) throws -> Set<Int64>? {
        guard filters.platform != nil || filters.chatID != nil || filters.bucket != nil || !filters.tags.isEmpty else {
            return nil
        }
        return try read { db in
            var conditions = SearchConditions()
            conditions.add("c.account = ?", account)
            if let platform = filters.platform { conditions.add("c.platform = ?", platform.rawValue) }
            if let chatID = filters.chatID {
                conditions.add("c.id = ?", try PublicID.chat.require(chatID, field: "chat_id"))
            }
            if let bucket = filters.bucket { conditions.add("c.bucket = ?", bucket) }
            for tag in filters.tags { conditions.add("EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = ?)", tag) }
            return Set(
                try Int64.fetchAll(
                    db, sql: "SELECT c.id FROM chats c WHERE \(conditions.sql)", arguments: conditions.arguments))
        }
    }

    /// The places of these messages that are visible, on their chat's active branch and pass
    /// the filters, keyed by message id (the others are left out).
    func messagePlaces(_ ids: [Int64], filters: SearchFilters) throws -> [Int64: MessageKey] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let conditions = try SearchConditions.messages(filters, account: account)
            var result: [Int64: MessageKey] = [:]
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let part = Array(ids[chunk..<min(ids.count, chunk + 500)])
                // CROSS JOIN keeps the messages first: each listed id is one primary-key lookup.
                // Left to itself the planner walked every chat of the account and its messages
                // (17 ms at 100k messages in 2,000 chats, against 0.7 ms).
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT m.id, m.chat_id, m.position FROM messages m CROSS JOIN chats c ON c.id = m.chat_id
                        WHERE m.id IN (\(SQLText.placeholders(part.count))) AND \(conditions.sql)
                        """, arguments: StatementArguments(part) + conditions.arguments)
                {
                    result[row[0]] = MessageKey(chatID: row[1], position: row[2])
                }
            }
            return result
        }
    }

    /// Which of these memories are current and pass the filters.
    func memoriesPassing(_ ids: [Int64], filters: SearchFilters) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            let conditions = try SearchConditions.memories(filters, account: account)
            var result: Set<Int64> = []
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let part = Array(ids[chunk..<min(ids.count, chunk + 500)])
                result.formUnion(
                    try Int64.fetchAll(
                        db,
                        sql: """
                            SELECT mem.id FROM memories mem WHERE mem.id IN (\(SQLText.placeholders(part.count))) AND \(conditions.sql)
                            """, arguments: StatementArguments(part) + conditions.arguments))
            }
            return result
        }
    }
}

extension RecallDatabase {
    /// The messages the account's memories among these were extracted from (their source and
    /// every extra source), by memory.
    func sourceMessages(ofMemories ids: [Int64]) throws -> [Int64: [Int64]] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let list = SQLText.placeholders(ids.count)
            var result: [Int64: [Int64]] = [:]
            // `+account` and CROSS JOIN keep the listed ids first (primary-key lookups); the
            // planner otherwise read every memory of the account through its index (4.3 ms at
            // 10k memories, against 0.3).
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT id, source_message_id FROM memories WHERE id IN (\(list)) AND +account = ? AND source_message_id IS NOT NULL
                    UNION SELECT s.memory_id, s.message_id FROM memory_sources s CROSS JOIN memories mem ON mem.id = s.memory_id
                    WHERE s.memory_id IN (\(list)) AND mem.account = ? AND s.message_id IS NOT NULL
                    """, arguments: StatementArguments(ids) + [account] + StatementArguments(ids) + [account])
            {
                result[row[0], default: []].append(row[1])
            }
            return result
        }
    }
}
