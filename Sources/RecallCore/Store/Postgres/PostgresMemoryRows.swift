import Foundation
import PostgresNIO

/// The memory rules' rows on PostgreSQL, inside one of the store's write transactions.
///
/// Every write of a memory's text sets its word index, length and grams (`PostgresText`) and
/// keeps the 'memories' row of `word_stats` current, in the same statement.
struct PostgresMemoryRows: MemoryRows {
    /// The connection, inside a transaction holding the store's write lock.
    let connection: PostgresConnection
    /// Whose rows the lookups read and new rows belong to.
    let account: String

    /// A memory by row id.
    func memory(rowID: Int64) throws -> MemoryRecord? {
        try first("SELECT \(unescaped: MemoryRecord.postgresColumns) FROM memories WHERE id = \(rowID)")
    }

    /// A memory of this user that already cites the record's message for the same statement.
    func knownEvidence(_ record: MemoryRecord) throws -> MemoryRecord? {
        guard let chat = record.sourceChatId else { return nil }
        let message = record.sourceMessageId
        return try first(
            """
            SELECT \(unescaped: MemoryRecord.postgresColumns) FROM memories
            WHERE account = \(account) AND user_id = \(record.userId)
            AND (normalized = \(record.normalized) OR gist = \(record.gist))
            AND ((source_chat_id = \(chat) AND source_message_id IS NOT DISTINCT FROM \(message))
                 OR EXISTS (SELECT 1 FROM memory_sources s WHERE s.memory_id = memories.id AND s.chat_id = \(chat)
                            AND s.message_id IS NOT DISTINCT FROM \(message)))
            ORDER BY id LIMIT 1
            """)
    }

    /// The first current memory of a user and bucket with this normalized text.
    func current(userID: String, bucket: String?, normalized: String) throws -> MemoryRecord? {
        try first(
            """
            SELECT \(unescaped: MemoryRecord.postgresColumns) FROM memories
            WHERE account = \(account) AND user_id = \(userID) AND bucket IS NOT DISTINCT FROM \(bucket)
            AND superseded_by IS NULL AND normalized = \(normalized) ORDER BY id LIMIT 1
            """)
    }

    /// The first current memory of a user and bucket with this gist.
    func current(userID: String, bucket: String?, gist: String) throws -> MemoryRecord? {
        try first(
            """
            SELECT \(unescaped: MemoryRecord.postgresColumns) FROM memories
            WHERE account = \(account) AND user_id = \(userID) AND bucket IS NOT DISTINCT FROM \(bucket)
            AND superseded_by IS NULL AND gist = \(gist) ORDER BY id LIMIT 1
            """)
    }

    /// The newest current memory of a user and bucket holding this slot.
    func slotHolder(userID: String, bucket: String?, slot: String) throws -> MemoryRecord? {
        try first(
            """
            SELECT \(unescaped: MemoryRecord.postgresColumns) FROM memories
            WHERE account = \(account) AND user_id = \(userID) AND bucket IS NOT DISTINCT FROM \(bucket)
            AND slot = \(slot) AND superseded_by IS NULL ORDER BY id DESC LIMIT 1
            """)
    }

    /// Inserts a memory with its text indexed, counts it in `word_stats`, and sets its id.
    func insert(_ record: inout MemoryRecord) throws {
        record = record.storableInPostgres
        let words = PostgresText.Words(main: record.content, aside: record.imageDescription)
        let rows = try connection.run(
            """
            WITH t (main, aside, grams) AS (SELECT \(words.main)::text, \(words.aside)::text, \(words.grams)::text),
            inserted AS (
                INSERT INTO memories (
                    account, content, normalized, type, confidence, tags, bucket, user_id, owner, memories_at,
                    latitude, longitude, metadata, image_ref, image_description, source_chat_id, source_message_id,
                    pinned, created_at, updated_at, supersedes, superseded_by, gist, slot, words, word_count, grams)
                SELECT \(record.account), \(record.content), \(record.normalized), \(record.type),
                    \(record.confidence), \(record.tags)::jsonb, \(record.bucket), \(record.userId), \(record.owner),
                    \(record.memoriesAt.map(MemoryDate.init)), \(record.latitude), \(record.longitude),
                    \(record.metadata), \(record.imageRef), \(record.imageDescription), \(record.sourceChatId),
                    \(record.sourceMessageId), \(record.pinned), \(MemoryDate(record.createdAt)),
                    \(MemoryDate(record.updatedAt)), \(record.supersedes), \(record.supersededBy), \(record.gist),
                    \(record.slot), \(unescaped: PostgresText.wordsSQL("t.main", "t.aside")), \(words.count),
                    \(unescaped: PostgresText.gramsSQL("t.grams"))
                FROM t RETURNING id, word_count),
            counted AS (
                UPDATE word_stats SET documents = documents + 1, words = word_stats.words + inserted.word_count
                FROM inserted WHERE kind = 'memories')
            SELECT id FROM inserted
            """
        ).rows
        guard let row = rows.first else { throw RecallError(.internalError, "A memory insert returned no id.") }
        record.id = try row.decode(Int64.self)
    }

    /// Writes every column of a stored memory (its account never changes), re-indexes its text
    /// and moves `word_stats` by the change in its length.
    func update(_ record: MemoryRecord) throws {
        let record = record.storableInPostgres
        let words = PostgresText.Words(main: record.content, aside: record.imageDescription)
        let id = record.id ?? 0
        _ = try connection.run(
            """
            WITH t (main, aside, grams) AS (SELECT \(words.main)::text, \(words.aside)::text, \(words.grams)::text),
            old AS (SELECT word_count FROM memories WHERE id = \(id)),
            changed AS (
                UPDATE memories SET content = \(record.content), normalized = \(record.normalized),
                    type = \(record.type), confidence = \(record.confidence), tags = \(record.tags)::jsonb,
                    bucket = \(record.bucket), user_id = \(record.userId), owner = \(record.owner),
                    memories_at = \(record.memoriesAt.map(MemoryDate.init)), latitude = \(record.latitude),
                    longitude = \(record.longitude), metadata = \(record.metadata), image_ref = \(record.imageRef),
                    image_description = \(record.imageDescription), source_chat_id = \(record.sourceChatId),
                    source_message_id = \(record.sourceMessageId), pinned = \(record.pinned),
                    created_at = \(MemoryDate(record.createdAt)), updated_at = \(MemoryDate(record.updatedAt)),
                    supersedes = \(record.supersedes), superseded_by = \(record.supersededBy),
                    gist = \(record.gist), slot = \(record.slot),
                    words = \(unescaped: PostgresText.wordsSQL("t.main", "t.aside")), word_count = \(words.count),
                    grams = \(unescaped: PostgresText.gramsSQL("t.grams"))
                FROM t WHERE memories.id = \(id) RETURNING memories.word_count)
            UPDATE word_stats SET words = word_stats.words + changed.word_count - old.word_count
            FROM changed, old WHERE kind = 'memories'
            """)
    }

    /// Adds an extra source unless the memory has it.
    func addSource(memoryID: Int64, chatID: Int64, messageID: Int64?) throws {
        _ = try connection.run(
            """
            INSERT INTO memory_sources (memory_id, chat_id, message_id) VALUES (\(memoryID), \(chatID), \(messageID))
            ON CONFLICT DO NOTHING
            """)
    }

    /// Points `superseded_by` at a newer memory.
    func setSupersededBy(_ newerID: Int64, of memoryID: Int64) throws {
        _ = try connection.run("UPDATE memories SET superseded_by = \(newerID) WHERE id = \(memoryID)")
    }

    /// A memory's extra sources in the order they were added.
    func extraSources(of memoryID: Int64) throws -> [MemorySource] {
        try connection.run("SELECT chat_id, message_id FROM memory_sources WHERE memory_id = \(memoryID) ORDER BY id")
            .rows.map { row in
                let (chat, message) = try row.decode((Int64, Int64?).self)
                return MemorySource(chatID: PublicID.chat.string(chat), messageID: message.map(PublicID.message.string))
            }
    }

    private func first(_ query: PostgresQuery) throws -> MemoryRecord? {
        try connection.run(query).rows.first.map(MemoryRecord.init(postgresRow:))
    }
}
