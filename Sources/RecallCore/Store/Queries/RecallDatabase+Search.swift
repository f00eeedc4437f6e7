import Foundation
import GRDB

/// What re-ranking needs to know of a turn.
struct TurnFacts: Sendable {
    /// The message's row id.
    var messageID: Int64
    /// Who spoke, when the export names the speaker.
    var author: String?
    /// When it was said.
    var date: Date?
}

extension RecallDatabase {
    /// Each matching visible message's bm25 score for one term (best `limit`), keyed by its place.
    ///
    /// A term found in more than `scanLimit` messages is scored on its `scanLimit` most recently
    /// stored matches only: bm25 costs a lookup per match, and a word that common carries little
    /// weight, so a million-message store still answers in milliseconds.
    func messageTermScores(_ term: SearchTerm, filters: SearchFilters, limit: Int, scanLimit: Int) throws
        -> [MessageKey: Double]
    {
        try read { db in
            let conditions = try SearchConditions.messages(filters, account: account)
            let (table, rank) =
                switch term {
                case .word: ("messages_fts", "bm25(messages_fts, 1.0, 0.6)")
                case .gram: ("messages_cjk", "bm25(messages_cjk)")
                }
            // The inner scan walks the index newest first and stops after `scanLimit` rows, so
            // bm25 is computed for those rows only.
            let sql = """
                SELECT chat_id, position, score FROM (
                    SELECT m.chat_id, m.position, -\(rank) AS score
                    FROM \(table) JOIN messages m ON m.id = \(table).rowid JOIN chats c ON c.id = m.chat_id
                    WHERE \(table) MATCH ? AND \(conditions.sql) ORDER BY \(table).rowid DESC LIMIT ?
                ) ORDER BY score DESC LIMIT ?
                """
            var scores: [MessageKey: Double] = [:]
            for row in try Row.fetchAll(
                db.cachedStatement(sql: sql),
                arguments: [term.matchExpression] + conditions.arguments + [scanLimit, limit])
            {
                scores[MessageKey(chatID: row[0], position: row[1])] = row[2]
            }
            return scores
        }
    }

    /// Each matching current memory's bm25 score for one term (best `limit` of the newest
    /// `scanLimit` matches, as for messages), keyed by row id.
    func memoryTermScores(_ term: SearchTerm, filters: SearchFilters, limit: Int, scanLimit: Int) throws -> [Int64:
        Double]
    {
        try read { db in
            let conditions = try SearchConditions.memories(filters, account: account)
            let (table, rank) =
                switch term {
                case .word: ("memories_fts", "bm25(memories_fts, 1.0, 0.6)")
                case .gram: ("memories_cjk", "bm25(memories_cjk)")
                }
            let sql = """
                SELECT id, score FROM (
                    SELECT mem.id, -\(rank) AS score FROM \(table) JOIN memories mem ON mem.id = \(table).rowid
                    WHERE \(table) MATCH ? AND \(conditions.sql) ORDER BY \(table).rowid DESC LIMIT ?
                ) ORDER BY score DESC LIMIT ?
                """
            var scores: [Int64: Double] = [:]
            for row in try Row.fetchAll(
                db.cachedStatement(sql: sql),
                arguments: [term.matchExpression] + conditions.arguments + [scanLimit, limit])
            {
                scores[row[0]] = row[1]
            }
            return scores
        }
    }

    /// The message id, speaker and time of the account's turns at these places, for re-ranking the head of a result.
    func turnFacts(at keys: [MessageKey]) throws -> [MessageKey: TurnFacts] {
        guard !keys.isEmpty else { return [:] }
        // The places as one JSON array of [chat, position] pairs: one cached statement for any
        // number of places (a VALUES list of each length was a statement to compile per search).
        // A join, not a row-value IN: SQLite answers the IN by scanning every message. CROSS JOIN
        // keeps the places first; left to itself the planner walks every chat of the account.
        let places = "[" + keys.map { "[\($0.chatID),\($0.position)]" }.joined(separator: ",") + "]"
        return try read { db in
            var result: [MessageKey: TurnFacts] = [:]
            for row in try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT m.chat_id, m.position, m.author, COALESCE(m.created_at, c.created_at), m.id
                        FROM json_each(?) place
                        CROSS JOIN messages m
                            ON m.chat_id = json_extract(place.value, '$[0]') AND m.position = json_extract(place.value, '$[1]')
                        CROSS JOIN chats c ON c.id = m.chat_id WHERE c.account = ?
                        """), arguments: [places, account])
            {
                result[MessageKey(chatID: row[0], position: row[1])] = TurnFacts(
                    messageID: row[4], author: row[2], date: row[3])
            }
            return result
        }
    }

    /// The search hits for the first `count` visible turns among `items`, in order.
    ///
    /// Each has a snippet around the query's words; places that hold a hidden message or none
    /// are skipped. One read for all of them: a transaction per hit cost more than the hits.
    func messageHits(
        _ items: some Sequence<HitRequest<MessageKey>>, count: Int, words: String?, filters: SearchFilters
    ) throws -> [SearchHit] {
        try read { db in
            // The filters again: a neighbouring turn may fall outside a date range its match met.
            let conditions = try SearchConditions.messages(filters, account: account)
            let statement = try db.cachedStatement(
                sql: """
                    SELECT m.id, m.source_id, m.role, m.created_at, m.chat_id, m.content, COALESCE(c.title_override, c.title) AS title, c.platform
                    FROM messages m JOIN chats c ON c.id = m.chat_id
                    WHERE m.chat_id = ? AND m.position = ? AND \(conditions.sql)
                    """)
            var hits: [SearchHit] = []
            for item in items where hits.count < count {
                let arguments: StatementArguments = [item.key.chatID, item.key.position] + conditions.arguments
                guard let row = try Row.fetchOne(statement, arguments: arguments) else { continue }
                let id: Int64 = row["id"]
                var snippet: String?
                if let words {
                    snippet = try String.fetchOne(
                        db.cachedStatement(
                            sql:
                                "SELECT snippet(messages_fts, -1, '**', '**', '…', 24) FROM messages_fts WHERE messages_fts MATCH ? AND rowid = ?"
                        ), arguments: [words, id])
                }
                var hit = SearchHit(
                    kind: .message, id: PublicID.message.string(id), score: item.score,
                    snippet: snippet ?? Snippet.lead(row["content"]), createdAt: row["created_at"])
                hit.sourceMessageID = row["source_id"]
                hit.chatID = PublicID.chat.string(row["chat_id"])
                hit.chatTitle = (row["title"] as String?).flatMap { $0.isEmpty ? nil : $0 } ?? "Untitled"
                hit.platform = Platform(rawValue: row["platform"])
                hit.role = MessageRole(rawValue: row["role"])
                hit.matchedBy = item.matchedBy
                hits.append(hit)
            }
            return hits
        }
    }

    /// The search hits for memories, in order, each with its full text and a snippet; ids of
    /// other accounts or of deleted memories are skipped.
    func memoryHits(_ items: some Sequence<HitRequest<Int64>>, words: String?) throws -> [SearchHit] {
        try read { db in
            var hits: [SearchHit] = []
            for item in items {
                guard let record = try MemoryRecord.fetchOne(db, key: item.key), record.account == account else {
                    continue
                }
                var snippet: String?
                if let words {
                    snippet = try String.fetchOne(
                        db.cachedStatement(
                            sql:
                                "SELECT snippet(memories_fts, -1, '**', '**', '…', 48) FROM memories_fts WHERE memories_fts MATCH ? AND rowid = ?"
                        ), arguments: [words, item.key])
                }
                var hit = Self.hit(for: record.memory(), score: item.score, snippet: snippet ?? record.content)
                hit.matchedBy = item.matchedBy
                hits.append(hit)
            }
            return hits
        }
    }

    private static func hit(for memory: Memory, score: Double, snippet: String) -> SearchHit {
        var hit = SearchHit(
            kind: .memory, id: memory.id, score: score, snippet: snippet,
            createdAt: memory.memoriesAt ?? memory.createdAt)
        hit.content = memory.content
        hit.memoryType = memory.type
        hit.confidence = memory.confidence
        hit.tags = memory.tags
        hit.bucket = memory.bucket
        hit.source = memory.source
        hit.chatID = memory.source?.chatID
        return hit
    }

    /// The newest visible messages that pass the filters, for queries with nothing to match.
    func recentMessages(filters: SearchFilters, limit: Int) throws -> [SearchHit] {
        let keys = try read { db -> [MessageKey] in
            let conditions = try SearchConditions.messages(filters, account: account)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT m.chat_id, m.position FROM messages m JOIN chats c ON c.id = m.chat_id WHERE \(conditions.sql)
                    ORDER BY COALESCE(m.created_at, c.created_at) DESC, m.id DESC LIMIT ?
                    """, arguments: conditions.arguments + [limit]
            ).map { MessageKey(chatID: $0[0], position: $0[1]) }
        }
        return try messageHits(
            keys.map { HitRequest(key: $0, score: 0) }, count: keys.count, words: nil, filters: filters)
    }

    /// The newest current memories that pass the filters (pinned first).
    func recentMemories(filters: SearchFilters, limit: Int) throws -> [SearchHit] {
        try read { db in
            let conditions = try SearchConditions.memories(filters, account: account)
            return try MemoryRecord.fetchAll(
                db.cachedStatement(
                    sql:
                        "SELECT mem.* FROM memories mem WHERE \(conditions.sql) ORDER BY mem.pinned DESC, mem.id DESC LIMIT ?"
                ), arguments: conditions.arguments + [limit]
            )
            .map { Self.hit(for: $0.memory(), score: 0, snippet: $0.content) }
        }
    }
}
