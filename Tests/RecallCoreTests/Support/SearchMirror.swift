import Foundation
import PostgresNIO

@testable import RecallCore

/// The same chats and memories in an in-memory SQLite store and a PostgreSQL store, with the
/// same row ids, for comparing what the two stores' searches return.
///
/// SQLite is fed through its API; PostgreSQL gets the rows it would hold, written with the
/// columns and the word index exactly as the store's writes set them (`PostgresText`).
struct SearchMirror {
    /// The SQLite store.
    let sqlite: RecallDatabase
    /// The PostgreSQL store.
    let postgres: PostgresStore
    /// Its database, dropped by `close()`.
    let database: PostgresTestDatabase

    init(
        chats: [(conversation: ParsedConversation, bucket: String?, tags: [String])], memories: [MemoryDraft], now: Date
    )
        throws
    {
        sqlite = try RecallDatabase(location: .inMemory, signing: .languages)
        database = try PostgresTestDatabase()
        postgres = try PostgresStore(settings: database.settings, signing: .languages)
        var messageID: Int64 = 0
        for (index, chat) in chats.enumerated() {
            let chatID = Int64(index + 1)
            let stored = try sqlite.upsert(chat.conversation, importID: nil, bucket: chat.bucket)
            precondition(stored.chatID == chatID)
            if !chat.tags.isEmpty {
                _ = try sqlite.updateChat(ChatUpdate(id: PublicID.chat.string(chatID), tags: chat.tags))
            }
            try insert(chat.conversation, id: chatID, bucket: chat.bucket, tags: chat.tags)
            for parsed in chat.conversation.messages {
                messageID += 1
                try insert(MessageRecord(parsed, chatID: chatID), id: messageID)
            }
        }
        let batch = try sqlite.addMemories(memories, now: now)
        for (index, draft) in memories.enumerated() {
            precondition(batch.memories[index].id == PublicID.memory.string(Int64(index + 1)))
            try insert(draft, id: Int64(index + 1), now: now)
        }
        try postgres.write { connection in
            for (kind, table, length) in [
                ("messages", "messages", "word_count"), ("memories", "memories", "word_count"),
                ("message_grams", "messages", Self.gramCount), ("memory_grams", "memories", Self.gramCount),
            ] {
                let rows = kind.hasSuffix("grams") ? "WHERE grams <> ''::tsvector" : ""
                try connection.execute(
                    """
                    UPDATE word_stats SET (documents, words) = (SELECT count(*), COALESCE(sum(\(length)), 0) FROM \(table) \(rows))
                    WHERE kind = '\(kind)'
                    """)
            }
            for table in ["chats", "messages", "memories"] {
                try connection.execute("SELECT setval('\(table)_id_seq', (SELECT max(id) FROM \(table)))")
            }
        }
    }

    /// A row's grams, counted from its vector.
    private static let gramCount = "(SELECT sum(cardinality(positions)) FROM unnest(grams))"

    /// Drops the PostgreSQL database.
    func close() {
        postgres.pool.close()
        database.drop()
    }

    private func insert(_ chat: ParsedConversation, id: Int64, bucket: String?, tags: [String]) throws {
        var row = PostgresConditions()
        let values = [
            row.bind(id), row.bind(postgres.account), row.bind(chat.platform.rawValue), row.bind(chat.sourceID),
            row.bind(chat.title), row.bind(chat.createdAt), row.bind(chat.updatedAt), row.bind(bucket),
        ]
        let tags = row.bind(JSONColumn.encode(tags))
        try run(
            row,
            """
            INSERT INTO chats (id, account, platform, source_id, title, created_at, updated_at, bucket, tags)
            VALUES (\(values.joined(separator: ", ")), \(tags)::jsonb)
            """)
    }

    private func insert(_ message: MessageRecord, id: Int64) throws {
        var row = PostgresConditions()
        let words = PostgresText.Words(main: message.content, aside: message.attachmentText)
        let values = [
            row.bind(id), row.bind(message.chatId), row.bind(message.sourceId), row.bind(message.role),
            row.bind(message.content), row.bind(message.attachmentText), row.bind(message.createdAt),
            row.bind(message.position), row.bind(message.hidden), row.bind(message.author),
        ]
        let main = row.bind(words.main)
        let aside = row.bind(words.aside)
        let count = row.bind(words.count)
        let grams = row.bind(words.grams)
        try run(
            row,
            """
            INSERT INTO messages (id, chat_id, source_id, role, content, attachment_text, created_at, position, hidden,
                author, words, word_count, grams)
            VALUES (\(values.joined(separator: ", ")), \(PostgresText.wordsSQL(main, aside)), \(count), \(PostgresText.gramsSQL(grams)))
            """)
    }

    private func insert(_ draft: MemoryDraft, id: Int64, now: Date) throws {
        var row = PostgresConditions()
        let words = PostgresText.Words(main: draft.content, aside: draft.imageDescription)
        let values = [
            row.bind(id), row.bind(postgres.account), row.bind(draft.content),
            row.bind(MemoryRecord.normalize(draft.content)), row.bind(draft.type.rawValue), row.bind(draft.confidence),
            row.bind(draft.bucket), row.bind(draft.userID), row.bind(draft.memoriesAt),
            row.bind(draft.imageDescription),
            row.bind(draft.sourceChatID), row.bind(draft.sourceMessageID), row.bind(now), row.bind(now),
        ]
        let tags = row.bind(JSONColumn.encode(JSONColumn.normalizedTags(draft.tags)))
        let main = row.bind(words.main)
        let aside = row.bind(words.aside)
        let count = row.bind(words.count)
        let grams = row.bind(words.grams)
        try run(
            row,
            """
            INSERT INTO memories (id, account, content, normalized, type, confidence, bucket, user_id, memories_at,
                image_description, source_chat_id, source_message_id, created_at, updated_at, tags, words, word_count, grams)
            VALUES (\(values.joined(separator: ", ")), \(tags)::jsonb, \(PostgresText.wordsSQL(main, aside)), \(count),
                \(PostgresText.gramsSQL(grams)))
            """)
    }

    private func run(_ row: PostgresConditions, _ sql: String) throws {
        try postgres.write { connection in _ = try connection.run(row.query(sql)) }
    }
}
