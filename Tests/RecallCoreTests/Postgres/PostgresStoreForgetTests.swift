import Foundation
import GRDB
import PostgresNIO
import Testing

@testable import RecallCore

/// Forgetting and API keys in the PostgreSQL store answer as in the SQLite store.
@Suite(.enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.why))
struct PostgresStoreForgetTests {
    private static func run() -> ImportRun {
        ImportRun(path: "export.zip", platform: "chatgpt", startedAt: Conversations.date(7))
    }

    /// Three chats (two in one import), and memories: from chat 1 only, from chats 1 and 3, from
    /// chat 2, and one unsourced that superseded another.
    private static func seeded() throws -> StorePair {
        let stores = try StorePair()
        let run = (Self.run(), Self.run())
        try stores.upsert(
            [Conversations.branched(), Chats.said(["I play the guitar."], day: 3, id: "c2")], run: run,
            encoder: ConceptEncoder())
        try stores.upsert(
            [Chats.said(["I live in Bergen.", "I keep a dog."], day: 4, id: "c3")], run: (Self.run(), Self.run()))
        let drafts = [
            MemoryDraft(content: "Lives in Lisbon", type: .fact, confidence: 0.9, sourceChatID: 1, sourceMessageID: 1),
            MemoryDraft(
                content: "Hikes often", type: .preference, confidence: 0.8, sourceChatID: 1, sourceMessageID: 1),
            MemoryDraft(content: "Plays the guitar", type: .fact, confidence: 0.9, sourceChatID: 2, sourceMessageID: 8),
            MemoryDraft(content: "Wants to see Kyoto", type: .goal, confidence: 0.7),
            MemoryDraft(content: "Wants to see Kyoto in autumn", type: .goal, confidence: 0.7),
        ]
        let now = Conversations.date(9)
        _ = try stores.sqlite.addMemories(drafts, now: now)
        try stores.sqlite.writer.write { db in
            // Memory 2 is also said in chat 3; memory 5 superseded memory 4.
            try db.execute(sql: "INSERT INTO memory_sources (memory_id, chat_id, message_id) VALUES (2, 3, 9)")
            try db.execute(sql: "UPDATE memories SET superseded_by = 5 WHERE id = 4")
            try db.execute(sql: "UPDATE memories SET supersedes = 4 WHERE id = 5")
        }
        try copyMemories(from: stores.sqlite, to: stores.postgres, now: now)
        return stores
    }

    /// The SQLite store's memories and their sources, row for row, with index values and
    /// `word_stats` as the PostgreSQL store's writes keep them.
    private static func copyMemories(from sqlite: RecallDatabase, to postgres: PostgresStore, now: Date) throws {
        let rows = try sqlite.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, content, normalized, type, confidence, source_chat_id, source_message_id FROM memories"
            )
        }
        let sources = try sqlite.read { db in
            try Row.fetchAll(db, sql: "SELECT memory_id, chat_id, message_id FROM memory_sources")
        }
        let links = try sqlite.read { db in
            try Row.fetchAll(db, sql: "SELECT id, supersedes, superseded_by FROM memories")
        }
        try postgres.write { connection in
            for row in rows {
                let content: String = row["content"]
                let words = PostgresText.Words(main: content, aside: nil)
                _ = try connection.run(
                    """
                    INSERT INTO memories (id, account, content, normalized, type, confidence, source_chat_id,
                        source_message_id, created_at, updated_at, words, word_count, grams)
                    SELECT \(row["id"] as Int64), 'local', \(content), \(row["normalized"] as String),
                        \(row["type"] as String), \(row["confidence"] as Double), \(row["source_chat_id"] as Int64?),
                        \(row["source_message_id"] as Int64?), \(now), \(now),
                        \(unescaped: PostgresText.wordsSQL("v.main", "v.aside")), \(words.count),
                        \(unescaped: PostgresText.gramsSQL("v.grams"))
                    FROM (SELECT \(words.main)::text AS main, \(words.aside)::text AS aside, \(words.grams)::text AS grams) v
                    """)
                _ = try connection.run(
                    "UPDATE word_stats SET documents = documents + 1, words = words + \(words.count) WHERE kind = 'memories'"
                )
            }
            for row in links {
                _ = try connection.run(
                    """
                    UPDATE memories SET supersedes = \(row["supersedes"] as Int64?), superseded_by = \(row["superseded_by"] as Int64?)
                    WHERE id = \(row["id"] as Int64)
                    """)
            }
            for row in sources {
                _ = try connection.run(
                    """
                    INSERT INTO memory_sources (memory_id, chat_id, message_id)
                    VALUES (\(row["memory_id"] as Int64), \(row["chat_id"] as Int64), \(row["message_id"] as Int64?))
                    """)
            }
            _ = try connection.run("SELECT setval('memories_id_seq', (SELECT max(id) FROM memories))")
        }
    }

    @Test func forgettingAgrees() throws {
        let requests = [
            ForgetRequest(chatIDs: ["chat_1"], dryRun: true), ForgetRequest(chatIDs: ["chat_1"]),
            ForgetRequest(memoryIDs: ["mem_5"]), ForgetRequest(importID: "imp_1"), ForgetRequest(importID: "imp_2"),
            ForgetRequest(chatIDs: ["chat_1", "chat_3"], importID: "imp_1"),
        ]
        for request in requests {
            let stores = try Self.seeded()
            defer { stores.close() }
            try stores.same("\(request)") { try $0.forget(request) }
            try stores.same("stats after \(request)") { try PostgresStoreChatsTests.comparable($0.stats()) }
            try stores.same("chats after \(request)") { try $0.listChats(ChatListRequest()) }
            let provenance =
                "SELECT id, source_chat_id, source_message_id, supersedes, superseded_by FROM memories ORDER BY id"
            let sqliteRows = try stores.sqlite.read { db in
                try Row.fetchAll(db, sql: provenance).map { row in Self.line((0..<5).map { row[$0] as Int64? }) }
            }
            let postgresRows = try stores.postgres.read { connection in
                try connection.run("\(unescaped: provenance)").rows.map { row in
                    let (id, chat, message, supersedes, supersededBy) = try row.decode(
                        (Int64, Int64?, Int64?, Int64?, Int64?).self)
                    return Self.line([id, chat, message, supersedes, supersededBy])
                }
            }
            #expect(postgresRows == sqliteRows, "\(request)")
            // What is forgotten leaves nothing behind, and word_stats loses exactly it.
            for table in ["messages", "message_vectors", "memory_sources", "imports"] {
                #expect(
                    try stores.postgresCount("SELECT COUNT(*) FROM \(unescaped: table)")
                        == stores.sqliteCount("SELECT COUNT(*) FROM \(table)"), "\(table) after \(request)")
            }
            let stats = try stores.postgres.read { connection in
                try connection.run(
                    """
                    SELECT (SELECT documents - (SELECT COUNT(*) FROM messages) FROM word_stats WHERE kind = 'messages')
                         + (SELECT words - (SELECT COALESCE(SUM(word_count), 0) FROM messages) FROM word_stats WHERE kind = 'messages')
                         + (SELECT documents - (SELECT COUNT(*) FROM memories) FROM word_stats WHERE kind = 'memories')
                         + (SELECT words - (SELECT COALESCE(SUM(word_count), 0) FROM memories) FROM word_stats WHERE kind = 'memories')
                    """
                ).rows.first?.decode(Int.self)
            }
            #expect(stats == 0, "word_stats after \(request)")
        }
        let stores = try Self.seeded()
        defer { stores.close() }
        stores.sameError { try $0.forget(ForgetRequest(chatIDs: ["chat_7"])) }
        stores.sameError { try $0.forget(ForgetRequest(memoryIDs: ["mem_70"])) }
        stores.sameError { try $0.forget(ForgetRequest(importID: "imp_70")) }
        stores.sameError { try $0.forget(ForgetRequest(memoryIDs: ["chat_1"])) }
    }

    private static func line(_ values: [Int64?]) -> String {
        values.map { $0.map(String.init) ?? "-" }.joined(separator: " ")
    }

    @Test func keysAgree() throws {
        let stores = try StorePair()
        defer { stores.close() }
        let keys = [
            APIKey(id: "k2", account: "alice", scope: .write, createdAt: Conversations.date(1), perMinute: 60),
            APIKey(id: "k1", account: "bob", scope: .read, createdAt: Conversations.date(1), perMonth: 10_000),
            APIKey(id: "k0", account: "alice", scope: .read, createdAt: Conversations.date(3)),
        ]
        for key in keys { try stores.same { try $0.insertKey(key, hash: [1, 2, UInt8(key.id.count), 255]) == () } }
        try stores.same { try $0.keys() }
        try stores.same { try $0.key(id: "k1").map { "\($0.key) \($0.hash)" } }
        try stores.same { try $0.key(id: "nope").map { "\($0.key) \($0.hash)" } }
        try stores.same { try $0.revokeKey(id: "k2", at: Conversations.date(5)) }
        try stores.same { try $0.revokeKey(id: "k2", at: Conversations.date(6)) }
        try stores.same { try $0.revokeKey(id: "nope", at: Conversations.date(6)) }
        try stores.same { try $0.countRequest(keyID: "k1", windows: ["minute:1", "month:2024-05"]) }
        try stores.same { try $0.countRequest(keyID: "k1", windows: ["minute:1", "month:2024-05"]) }
        try stores.same { try $0.countRequest(keyID: "k1", windows: ["minute:2", "month:2024-05"]) }
        #expect(try stores.postgresCount("SELECT COUNT(*) FROM rate_usage") == 2)
        try stores.same { try $0.keys() }
    }
}
