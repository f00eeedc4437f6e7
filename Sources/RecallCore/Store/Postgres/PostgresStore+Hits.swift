import Foundation
import PostgresNIO

extension PostgresStore {
    /// The message id, speaker and time of the account's turns at these places, for re-ranking the head of a result.
    func turnFacts(at keys: [MessageKey]) throws -> [MessageKey: TurnFacts] {
        guard !keys.isEmpty else { return [:] }
        var statement = PostgresConditions()
        let chats = statement.bind(keys.map(\.chatID))
        let positions = statement.bind(keys.map { Int64($0.position) })
        let account = statement.bind(account)
        // The places as two arrays: one statement for any number of places.
        let sql = """
            SELECT m.chat_id, m.position, m.author, COALESCE(m.created_at, c.created_at), m.id
            FROM unnest(\(chats)::bigint[], \(positions)::bigint[]) AS place(chat_id, position)
            JOIN messages m ON m.chat_id = place.chat_id AND m.position = place.position
            JOIN chats c ON c.id = m.chat_id WHERE c.account = \(account)
            """
        return try read { connection in
            var result: [MessageKey: TurnFacts] = [:]
            for row in try connection.run(statement.query(sql)).rows {
                let (chatID, position, author, date, id) = try row.decode((Int64, Int, String?, Date?, Int64).self)
                result[MessageKey(chatID: chatID, position: position)] = TurnFacts(
                    messageID: id, author: author, date: date)
            }
            return result
        }
    }

    /// The search hits for the first `count` visible turns among `items`, in order.
    ///
    /// Each has a snippet around the query's words; places that hold a hidden message or none
    /// are skipped. One statement for all of them: the places go as arrays with their order, the
    /// first `count` that pass are kept, and only those get a snippet.
    func messageHits(
        _ items: some Sequence<HitRequest<MessageKey>>, count: Int, words: String?, filters: SearchFilters
    ) throws -> [SearchHit] {
        let items = Array(items)
        guard !items.isEmpty, count > 0 else { return [] }
        // The filters again: a neighbouring turn may fall outside a date range its match met.
        var conditions = try PostgresConditions.messages(filters, account: account)
        let chats = conditions.bind(items.map(\.key.chatID))
        let positions = conditions.bind(items.map { Int64($0.key.position) })
        let limit = conditions.bind(count)
        let snippet = PostgresSnippet.sql(
            words: words, conditions: &conditions, row: "f", main: "content", aside: "attachment_text", maxWords: 24)
        let sql = """
            WITH found AS (
                SELECT place.ord, m.id, m.source_id, m.role, m.created_at, m.chat_id, m.content, m.attachment_text,
                    m.words, COALESCE(c.title_override, c.title) AS title, c.platform
                FROM unnest(\(chats)::bigint[], \(positions)::bigint[]) WITH ORDINALITY AS place(chat_id, position, ord)
                JOIN messages m ON m.chat_id = place.chat_id AND m.position = place.position
                JOIN chats c ON c.id = m.chat_id
                WHERE \(conditions.sql) ORDER BY place.ord LIMIT \(limit)
            )
            SELECT f.ord, f.id, f.source_id, f.role, f.created_at, f.chat_id, f.content, f.title, f.platform, \(snippet)
            FROM found f ORDER BY f.ord
            """
        return try read { connection in
            try connection.run(conditions.query(sql)).rows.map { row in
                let (order, id, sourceID, role, createdAt, chatID, content, title, platform, snippet) = try row.decode(
                    (Int64, Int64, String, String, Date?, Int64, String, String?, String, String?).self)
                let item = items[Int(order) - 1]
                var hit = SearchHit(
                    kind: .message, id: PublicID.message.string(id), score: item.score,
                    snippet: snippet ?? Snippet.lead(content), createdAt: createdAt)
                hit.sourceMessageID = sourceID
                hit.chatID = PublicID.chat.string(chatID)
                hit.chatTitle = title.flatMap { $0.isEmpty ? nil : $0 } ?? "Untitled"
                hit.platform = Platform(rawValue: platform)
                hit.role = MessageRole(rawValue: role)
                hit.matchedBy = item.matchedBy
                return hit
            }
        }
    }

    /// The search hits for memories, in order, each with its full text and a snippet; ids of
    /// other accounts or of deleted memories are skipped.
    func memoryHits(_ items: some Sequence<HitRequest<Int64>>, words: String?) throws -> [SearchHit] {
        let items = Array(items)
        guard !items.isEmpty else { return [] }
        var statement = PostgresConditions()
        let ids = statement.bind(items.map(\.key))
        let account = statement.bind(account)
        let snippet = PostgresSnippet.sql(
            words: words, conditions: &statement, row: "mem", main: "content", aside: "image_description",
            maxWords: 48)
        let sql = """
            SELECT \(Self.memoryHitColumns), \(snippet) FROM memories mem
            WHERE mem.id = ANY (\(ids)::bigint[]) AND mem.account = \(account)
            """
        return try read { connection in
            var found: [Int64: SearchHit] = [:]
            for row in try connection.run(statement.query(sql)).rows {
                let hit = try Self.memoryHit(row)
                found[hit.rowID] = hit.hit
            }
            return items.compactMap { item in
                guard var hit = found[item.key] else { return nil }
                hit.score = item.score
                hit.matchedBy = item.matchedBy
                return hit
            }
        }
    }

    /// The newest visible messages that pass the filters, for queries with nothing to match.
    func recentMessages(filters: SearchFilters, limit: Int) throws -> [SearchHit] {
        var conditions = try PostgresConditions.messages(filters, account: account)
        let count = conditions.bind(limit)
        // NULLS LAST: SQLite sorts a missing date below every date.
        let sql = """
            SELECT m.chat_id, m.position FROM messages m JOIN chats c ON c.id = m.chat_id WHERE \(conditions.sql)
            ORDER BY COALESCE(m.created_at, c.created_at) DESC NULLS LAST, m.id DESC LIMIT \(count)
            """
        let keys = try read { connection in
            try connection.run(conditions.query(sql)).rows.map { row in
                let (chatID, position) = try row.decode((Int64, Int).self)
                return MessageKey(chatID: chatID, position: position)
            }
        }
        return try messageHits(
            keys.map { HitRequest(key: $0, score: 0) }, count: keys.count, words: nil, filters: filters)
    }

    /// The newest current memories that pass the filters (pinned first).
    func recentMemories(filters: SearchFilters, limit: Int) throws -> [SearchHit] {
        var conditions = try PostgresConditions.memories(filters, account: account)
        let count = conditions.bind(limit)
        let sql = """
            SELECT \(Self.memoryHitColumns), NULL::text FROM memories mem WHERE \(conditions.sql)
            ORDER BY mem.pinned DESC, mem.id DESC LIMIT \(count)
            """
        return try read { connection in
            try connection.run(conditions.query(sql)).rows.map { try Self.memoryHit($0).hit }
        }
    }

    /// The columns `memoryHit` reads before the snippet.
    private static let memoryHitColumns = """
        mem.id, mem.content, mem.type, mem.confidence, mem.tags::text, mem.bucket, mem.memories_at, mem.created_at, \
        mem.source_chat_id, mem.source_message_id
        """

    /// A memory's hit (score 0) from `memoryHitColumns` and a snippet, the content when none.
    private static func memoryHit(_ row: PostgresRow) throws -> (rowID: Int64, hit: SearchHit) {
        let (id, content, type, confidence, tags, bucket, memoriesAt, createdAt, sourceChat, sourceMessage, snippet) =
            try row.decode(
                (Int64, String, String, Double, String, String?, Date?, Date, Int64?, Int64?, String?).self)
        var hit = SearchHit(
            kind: .memory, id: PublicID.memory.string(id), score: 0, snippet: snippet ?? content,
            createdAt: memoriesAt ?? createdAt)
        hit.content = content
        hit.memoryType = MemoryType(rawValue: type) ?? .note
        hit.confidence = confidence
        hit.tags = JSONColumn.decodeStrings(tags)
        hit.bucket = bucket
        hit.source = sourceChat.map {
            MemorySource(chatID: PublicID.chat.string($0), messageID: sourceMessage.map(PublicID.message.string))
        }
        hit.chatID = hit.source?.chatID
        return (id, hit)
    }
}
