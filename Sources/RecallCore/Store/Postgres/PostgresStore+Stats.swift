import Foundation
import PostgresNIO

extension PostgresStore {
    /// Counts by platform, type, bucket and tag; the latest imports; the server and schema.
    ///
    /// Where the SQLite store names its file, this names the server (the URL without its
    /// password); the size is the database's on the server (every account's rows, its indexes
    /// and what VACUUM has not yet reclaimed); the schema version is how many PostgreSQL
    /// migrations have run, which counts from 1 apart from SQLite's.
    func stats() throws -> StoreStats {
        try read { connection in
            let count = { (query: PostgresQuery) throws -> Int in
                try connection.run(query).rows.first?.decode(Int.self) ?? 0
            }
            let grouped = { (query: PostgresQuery) throws -> [String: Int] in
                var result: [String: Int] = [:]
                for row in try connection.run(query).rows {
                    let (key, value) = try row.decode((String?, Int).self)
                    if let key { result[key, default: 0] += value }
                }
                return result
            }
            var byBucket = try grouped(
                "SELECT bucket, COUNT(*) FROM chats WHERE account = \(account) AND bucket IS NOT NULL GROUP BY bucket")
            byBucket.merge(
                try grouped(
                    "SELECT bucket, COUNT(*) FROM memories WHERE account = \(account) AND bucket IS NOT NULL AND superseded_by IS NULL GROUP BY bucket"
                ), uniquingKeysWith: +)
            var byTag = try grouped(
                "SELECT j.value, COUNT(*) FROM chats, jsonb_array_elements_text(chats.tags) j(value) WHERE chats.account = \(account) GROUP BY j.value"
            )
            byTag.merge(
                try grouped(
                    "SELECT j.value, COUNT(*) FROM memories, jsonb_array_elements_text(memories.tags) j(value) WHERE memories.account = \(account) AND superseded_by IS NULL GROUP BY j.value"
                ), uniquingKeysWith: +)
            let imports = try connection.run(
                """
                SELECT id, path, platform, started_at, chats_added, messages_added FROM imports
                WHERE account = \(account) ORDER BY id DESC LIMIT 10
                """
            ).rows.map { row in
                let (id, path, platform, startedAt, chatsAdded, messagesAdded) = try row.decode(
                    (Int64, String, String, Date, Int, Int).self)
                return ImportRecordSummary(
                    id: PublicID.importRun.string(id), path: path, platform: platform, startedAt: startedAt,
                    chatsAdded: chatsAdded, messagesAdded: messagesAdded)
            }
            // One pass over the account's messages for what is stored beside the visible active branch.
            let stored = try connection.run(
                """
                SELECT COUNT(*) FILTER (WHERE m.position IS NULL), COUNT(*) FILTER (WHERE m.position IS NOT NULL AND m.hidden)
                FROM messages m JOIN chats c ON c.id = m.chat_id WHERE c.account = \(account)
                """
            ).rows.first?.decode((Int, Int).self)
            return StoreStats(
                path: pool.settings.redacted,
                sizeBytes: try count("SELECT pg_database_size(current_database())"),
                schemaVersion: try count("SELECT COUNT(*) FROM recall_migrations"),
                chats: try count("SELECT COUNT(*) FROM chats WHERE account = \(account)"),
                messages: try count("SELECT COALESCE(SUM(message_count), 0) FROM chats WHERE account = \(account)"),
                hiddenMessages: stored?.1 ?? 0,
                branchMessages: stored?.0 ?? 0,
                memories: try count(
                    "SELECT COUNT(*) FROM memories WHERE account = \(account) AND superseded_by IS NULL"),
                memoryUsers: try count("SELECT COUNT(DISTINCT user_id) FROM memories WHERE account = \(account)"),
                supersededMemories: try count(
                    "SELECT COUNT(*) FROM memories WHERE account = \(account) AND superseded_by IS NOT NULL"),
                chatsByPlatform: try grouped(
                    "SELECT platform, COUNT(*) FROM chats WHERE account = \(account) GROUP BY platform"),
                memoriesByType: try grouped(
                    "SELECT type, COUNT(*) FROM memories WHERE account = \(account) AND superseded_by IS NULL GROUP BY type"
                ),
                byBucket: byBucket, byTag: byTag, imports: imports
            ).on(store: "postgresql", vectors: vectorStorage.description)
        }
    }

    /// Visible messages of active branches and current memories, counted by calendar month
    /// (UTC), oldest month first.
    ///
    /// A memory counts in the month it was true or said (`memories_at`), else the month it was
    /// stored; messages without a date are left out.
    func activityByMonth() throws -> [MonthActivity] {
        try read { connection in
            var months: [String: MonthActivity] = [:]
            let messages = try connection.run(
                """
                SELECT to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM'), COUNT(*) FROM messages m JOIN chats c ON c.id = m.chat_id
                WHERE c.account = \(account) AND m.position IS NOT NULL AND NOT m.hidden AND m.created_at IS NOT NULL GROUP BY 1
                """)
            for row in messages.rows {
                let (month, count) = try row.decode((String?, Int).self)
                guard let month else { continue }
                months[month, default: MonthActivity(month: month)].messages = count
            }
            let memories = try connection.run(
                """
                SELECT to_char(COALESCE(memories_at, created_at) AT TIME ZONE 'UTC', 'YYYY-MM'), COUNT(*) FROM memories
                WHERE account = \(account) AND superseded_by IS NULL GROUP BY 1
                """)
            for row in memories.rows {
                let (month, count) = try row.decode((String?, Int).self)
                guard let month else { continue }
                months[month, default: MonthActivity(month: month)].memories = count
            }
            return months.values.sorted { $0.month < $1.month }
        }
    }
}
