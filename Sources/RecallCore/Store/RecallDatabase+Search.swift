import Foundation
import GRDB

extension RecallDatabase {
    /// The best `limit` visible, active-branch messages for a match expression (or the newest
    /// when there is none), best first.
    func searchMessages(_ match: String?, filters: SearchFilters, limit: Int) throws -> [SearchHit] {
        try read { db in
            var conditions = ["m.hidden = 0", "m.position IS NOT NULL"]
            var arguments: StatementArguments = []
            if let match {
                conditions.insert("messages_fts MATCH ?", at: 0)
                _ = arguments.append(contentsOf: [match])
            }
            try Self.appendChatFilters(filters, conditions: &conditions, arguments: &arguments, dateColumn: "COALESCE(m.created_at, c.created_at)")
            let from = match == nil
                ? "messages m JOIN chats c ON c.id = m.chat_id"
                : "messages_fts JOIN messages m ON m.id = messages_fts.rowid JOIN chats c ON c.id = m.chat_id"
            let snippet = match == nil ? "substr(m.content, 1, 240)" : "snippet(messages_fts, -1, '**', '**', '…', 24)"
            let rank = match == nil ? "0.0" : "bm25(messages_fts, 1.0, 0.6)"
            let order = match == nil ? "COALESCE(m.created_at, c.created_at) DESC, m.id DESC" : "rank, m.id"
            let sql = """
                SELECT m.id, m.source_id, m.role, m.created_at, m.chat_id, COALESCE(c.title_override, c.title) AS title,
                       c.platform, \(snippet) AS snippet, \(rank) AS rank
                FROM \(from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT ?
                """
            return try Row.fetchAll(db, sql: sql, arguments: arguments + [limit]).map { row in
                var hit = SearchHit(kind: .message, id: PublicID.message.string(row["id"]), score: -(row["rank"] as Double), snippet: row["snippet"], createdAt: row["created_at"])
                hit.sourceMessageID = row["source_id"]
                hit.chatID = PublicID.chat.string(row["chat_id"])
                hit.chatTitle = (row["title"] as String?).flatMap { $0.isEmpty ? nil : $0 } ?? "Untitled"
                hit.platform = Platform(rawValue: row["platform"])
                hit.role = MessageRole(rawValue: row["role"])
                return hit
            }
        }
    }

    /// The best `limit` current memories for a match expression (or the newest), best first.
    func searchMemories(_ match: String?, filters: SearchFilters, limit: Int) throws -> [SearchHit] {
        try read { db in
            var conditions = ["mem.superseded_by IS NULL", "mem.user_id = ?"]
            var arguments: StatementArguments = [filters.userID ?? Memory.defaultUserID]
            if let match {
                conditions.insert("memories_fts MATCH ?", at: 0)
                arguments = [match] + arguments
            }
            if let type = filters.memoryType {
                conditions.append("mem.type = ?")
                _ = arguments.append(contentsOf: [type.rawValue])
            }
            if let bucket = filters.bucket {
                conditions.append("mem.bucket = ?")
                _ = arguments.append(contentsOf: [bucket])
            }
            for tag in filters.tags {
                conditions.append("EXISTS (SELECT 1 FROM json_each(mem.tags) WHERE value = ?)")
                _ = arguments.append(contentsOf: [tag])
            }
            if let chatID = filters.chatID {
                conditions.append("mem.source_chat_id = ?")
                _ = arguments.append(contentsOf: [try PublicID.chat.require(chatID, field: "chat_id")])
            }
            if let platform = filters.platform {
                conditions.append("EXISTS (SELECT 1 FROM chats c WHERE c.id = mem.source_chat_id AND c.platform = ?)")
                _ = arguments.append(contentsOf: [platform.rawValue])
            }
            if let from = filters.dateFrom {
                conditions.append("COALESCE(mem.memories_at, mem.created_at) >= ?")
                _ = arguments.append(contentsOf: [from])
            }
            if let to = filters.dateTo {
                conditions.append("COALESCE(mem.memories_at, mem.created_at) <= ?")
                _ = arguments.append(contentsOf: [to])
            }
            let from = match == nil ? "memories mem" : "memories_fts JOIN memories mem ON mem.id = memories_fts.rowid"
            let snippet = match == nil ? "mem.content" : "snippet(memories_fts, -1, '**', '**', '…', 48)"
            let rank = match == nil ? "0.0" : "bm25(memories_fts, 1.0, 0.6)"
            let order = match == nil ? "mem.pinned DESC, mem.id DESC" : "rank, mem.id"
            let sql = "SELECT mem.*, \(snippet) AS snippet, \(rank) AS rank FROM \(from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT ?"
            return try Row.fetchAll(db, sql: sql, arguments: arguments + [limit]).map { row in
                let record = try MemoryRecord(row: row)
                let memory = record.memory()
                var hit = SearchHit(kind: .memory, id: memory.id, score: -(row["rank"] as Double), snippet: row["snippet"], createdAt: memory.memoriesAt ?? memory.createdAt)
                hit.memoryType = memory.type
                hit.confidence = memory.confidence
                hit.tags = memory.tags
                hit.bucket = memory.bucket
                hit.source = memory.source
                hit.chatID = memory.source?.chatID
                return hit
            }
        }
    }

    /// Adds the chat-level filters (platform, chat, bucket, tags, dates) of a search.
    private static func appendChatFilters(_ filters: SearchFilters, conditions: inout [String], arguments: inout StatementArguments, dateColumn: String) throws {
        if let platform = filters.platform {
            conditions.append("c.platform = ?")
            _ = arguments.append(contentsOf: [platform.rawValue])
        }
        if let chatID = filters.chatID {
            conditions.append("m.chat_id = ?")
            _ = arguments.append(contentsOf: [try PublicID.chat.require(chatID, field: "chat_id")])
        }
        if let bucket = filters.bucket {
            conditions.append("c.bucket = ?")
            _ = arguments.append(contentsOf: [bucket])
        }
        for tag in filters.tags {
            conditions.append("EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = ?)")
            _ = arguments.append(contentsOf: [tag])
        }
        if let from = filters.dateFrom {
            conditions.append("\(dateColumn) >= ?")
            _ = arguments.append(contentsOf: [from])
        }
        if let to = filters.dateTo {
            conditions.append("\(dateColumn) <= ?")
            _ = arguments.append(contentsOf: [to])
        }
    }
}
