import Foundation
import PostgresNIO

extension PostgresStore {
    /// The account's chats a message search may look in, when its filters narrow by chat
    /// (platform, chat, bucket, tags); nil when every chat may hold a match (the vector index
    /// searched holds the account's rows only: see `VectorIndexes`).
    func chatsPassing(_ filters: SearchFilters) throws -> Set<Int64>? {
        guard filters.platform != nil || filters.chatID != nil || filters.bucket != nil || !filters.tags.isEmpty else {
            return nil
        }
        var conditions = PostgresConditions()
        conditions.add(account) { "c.account = \($0)" }
        if let platform = filters.platform { conditions.add(platform.rawValue) { "c.platform = \($0)" } }
        if let chatID = filters.chatID {
            conditions.add(try PublicID.chat.require(chatID, field: "chat_id")) { "c.id = \($0)" }
        }
        if let bucket = filters.bucket { conditions.add(bucket) { "c.bucket = \($0)" } }
        for tag in filters.tags { conditions.add(tag) { "c.tags ? \($0)" } }
        let sql = "SELECT c.id FROM chats c WHERE \(conditions.sql)"
        return try read { connection in
            Set(try connection.run(conditions.query(sql)).rows.map { try $0.decode(Int64.self) })
        }
    }

    /// The places of these messages that are visible, on their chat's active branch and pass
    /// the filters, keyed by message id (the others are left out).
    func messagePlaces(_ ids: [Int64], filters: SearchFilters) throws -> [Int64: MessageKey] {
        guard !ids.isEmpty else { return [:] }
        var conditions = try PostgresConditions.messages(filters, account: account)
        let list = conditions.bind(ids)
        let sql = """
            SELECT m.id, m.chat_id, m.position FROM messages m JOIN chats c ON c.id = m.chat_id
            WHERE m.id = ANY (\(list)::bigint[]) AND \(conditions.sql)
            """
        return try read { connection in
            var result: [Int64: MessageKey] = [:]
            for row in try connection.run(conditions.query(sql)).rows {
                let (id, chatID, position) = try row.decode((Int64, Int64, Int).self)
                result[id] = MessageKey(chatID: chatID, position: position)
            }
            return result
        }
    }

    /// Which of these memories are current and pass the filters.
    func memoriesPassing(_ ids: [Int64], filters: SearchFilters) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        var conditions = try PostgresConditions.memories(filters, account: account)
        let list = conditions.bind(ids)
        let sql = "SELECT mem.id FROM memories mem WHERE mem.id = ANY (\(list)::bigint[]) AND \(conditions.sql)"
        return try read { connection in
            Set(try connection.run(conditions.query(sql)).rows.map { try $0.decode(Int64.self) })
        }
    }

    /// The messages the account's memories among these were extracted from (their source and
    /// every extra source), by memory.
    func sourceMessages(ofMemories ids: [Int64]) throws -> [Int64: [Int64]] {
        guard !ids.isEmpty else { return [:] }
        var statement = PostgresConditions()
        let list = statement.bind(ids)
        let account = statement.bind(account)
        // UNION, as in SQLite: a message that is both the source and an extra source counts once.
        let sql = """
            SELECT id, source_message_id FROM memories
            WHERE id = ANY (\(list)::bigint[]) AND account = \(account) AND source_message_id IS NOT NULL
            UNION SELECT s.memory_id, s.message_id FROM memory_sources s JOIN memories mem ON mem.id = s.memory_id
            WHERE s.memory_id = ANY (\(list)::bigint[]) AND mem.account = \(account) AND s.message_id IS NOT NULL
            ORDER BY 1, 2
            """
        return try read { connection in
            var result: [Int64: [Int64]] = [:]
            for row in try connection.run(statement.query(sql)).rows {
                let (memory, message) = try row.decode((Int64, Int64).self)
                result[memory, default: []].append(message)
            }
            return result
        }
    }
}
