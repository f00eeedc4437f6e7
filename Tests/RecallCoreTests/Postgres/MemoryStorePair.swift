import Foundation
import GRDB

@testable import RecallCore

/// The SQLite store in memory and the PostgreSQL store on a fresh database, fed the same chats,
/// so a test can ask both the same thing and compare.
struct MemoryStorePair {
    /// The SQLite store.
    let sqlite: RecallDatabase
    /// The PostgreSQL store.
    let postgres: PostgresStore
    /// The PostgreSQL store's database, dropped by `close()`.
    let database: PostgresTestDatabase

    /// Two fresh stores, each holding the same two chats: chat 1 (messages 1 and 2, visible, and
    /// 3, hidden) and chat 2 in bucket "work" (message 4).
    init() throws {
        database = try PostgresTestDatabase()
        postgres = try PostgresStore(settings: database.settings, signing: .languages)
        sqlite = try RecallDatabase(location: .inMemory, signing: .languages)
        let chats = """
            INSERT INTO chats (account, platform, source_id, bucket, message_count)
            VALUES ('local', 'chatgpt', 'a', NULL, 2), ('local', 'chatgpt', 'b', 'work', 1)
            """
        let messages = """
            INSERT INTO messages (chat_id, source_id, role, content, attachment_text, position, hidden) VALUES
            (1, 'm1', 'user', 'I live in Oslo.', NULL, 0, false),
            (1, 'm2', 'assistant', 'Oslo is lovely.', 'a map', 1, false),
            (1, 'm3', 'user', 'hidden turn', NULL, NULL, true),
            (2, 'm4', 'user', 'I work on Recall.', NULL, 0, false)
            """
        try sqlite.write { db in
            try db.execute(sql: chats)
            try db.execute(sql: messages)
        }
        try postgres.write { connection in
            try connection.execute(chats)
            try connection.execute(messages)
        }
    }

    /// Closes the PostgreSQL store's connections and drops its database.
    func close() {
        postgres.pool.close()
        database.drop()
    }

    /// A draft with a source message.
    static func draft(
        _ content: String, day: Int? = nil, chat: Int64? = 1, message: Int64? = 1, tags: [String] = [],
        bucket: String? = nil, confidence: Double = 0.7
    ) -> MemoryDraft {
        var draft = MemoryDraft(content: content, type: .fact, confidence: confidence)
        draft.tags = tags
        draft.bucket = bucket
        draft.memoriesAt = day.map { Date(timeIntervalSince1970: 1_600_000_000 + Double($0) * 86_400) }
        draft.sourceChatID = chat
        draft.sourceMessageID = chat == nil ? nil : message
        return draft
    }

    /// A whole-second clock reading, which both stores keep exactly.
    static func now(_ step: Int) -> Date { Date(timeIntervalSince1970: 1_700_000_000 + Double(step) * 60) }
}

/// The same call's error, as both stores report it.
func failure(_ body: () throws -> some Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as RecallError {
        return "\(error.code) \(error.message)"
    } catch {
        return "\(error)"
    }
}
