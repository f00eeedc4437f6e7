import Foundation
import PostgresNIO
import Testing

@testable import RecallCore

/// The PostgreSQL store imports and reads chats as the SQLite store does, call for call.
@Suite(.enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.why))
struct PostgresStoreChatsTests {
    private static func run() -> ImportRun {
        ImportRun(path: "export.zip", platform: "chatgpt", startedAt: Conversations.date(7))
    }

    private static var batch: [ParsedConversation] {
        var branched = Conversations.branched()
        branched.fingerprint = "fp-branched"
        return [
            branched, Conversations.withAttachment(),
            Chats.said(["I moved to Bergen last spring.", "My dog is a retriever."], day: 40, id: "c3"),
        ]
    }

    @Test func importsAgreeOnOutcomesAndRows() throws {
        let stores = try StorePair()
        defer { stores.close() }
        let first = (Self.run(), Self.run())
        let added = try stores.upsert(Self.batch, run: first, encoder: ConceptEncoder())
        #expect(added.allSatisfy { $0.contains("added") })
        // The same export again: nothing changes, and no import row is made.
        let again = (Self.run(), Self.run())
        try stores.upsert(Self.batch, run: again, bucket: "work")
        #expect(again.1.rowID == nil)
        // A newer export: one answer rewritten, one message gone, one new.
        var newer = Conversations.branched(secondAnswer: "Kyoto in spring, for the cherry blossom.")
        newer.messages.removeAll { $0.sourceID == "a2b" }
        newer.messages.append(
            ParsedMessage(
                sourceID: "u3", parentSourceID: "a2", role: .user, text: "Thanks!", createdAt: Conversations.date(2),
                activePosition: 5))
        let third = (Self.run(), Self.run())
        let updated = try stores.upsert([newer], run: third, encoder: ConceptEncoder())
        #expect(updated == ["1 updated +1 ~1"])
        try stores.same("stats") { try Self.comparable($0.stats()) }
        try stores.same("activity") { try $0.activityByMonth() }
        try stores.same("fingerprint") { try $0.storesChat(fingerprint: "fp-branched") }
        try stores.same("other fingerprint") { try $0.storesChat(fingerprint: "fp-other") }
        try stores.same("import's chats") { try $0.chatIDs(importID: "imp_1") }
        try stores.same("later import's chats") { try $0.chatIDs(importID: "imp_2") }
        stores.sameError("unknown import") { try $0.chatIDs(importID: "imp_9") }
        try stores.same("branches") { try $0.otherBranchMessages(chatID: "chat_1") }
        // Vectors: one per visible message encoded, a rewritten message's replaced.
        let sqliteVectors = try stores.sqliteCount("SELECT COUNT(*) FROM message_vectors")
        #expect(try stores.postgresCount("SELECT COUNT(*) FROM message_vectors") == sqliteVectors)
        #expect(sqliteVectors > 0)
        try expectWordStats(stores)
    }

    @Test func chatPagesAgree() throws {
        let stores = try StorePair()
        defer { stores.close() }
        try stores.upsert(Self.batch, run: (Self.run(), Self.run()))
        try stores.same {
            try $0.updateChat(ChatUpdate(id: "chat_2", title: "Taxes", pinned: true, tags: ["b", " a"]))
        }
        try stores.same { try $0.updateChat(ChatUpdate(id: "chat_3", bucket: "home")) }
        stores.sameError { try $0.updateChat(ChatUpdate(id: "chat_99", pinned: true)) }
        stores.sameError { try $0.updateChat(ChatUpdate(id: "mem_1", pinned: true)) }
        let requests = [
            ChatListRequest(), ChatListRequest(page: 2, pageSize: 2), ChatListRequest(platform: .claude),
            ChatListRequest(title: "TRIP"), ChatListRequest(title: "100%"), ChatListRequest(pinnedOnly: true),
            ChatListRequest(dateFrom: Conversations.date(2)), ChatListRequest(dateTo: Conversations.date(1)),
            ChatListRequest(importID: "imp_1"), ChatListRequest(bucket: "home"), ChatListRequest(page: 5),
        ]
        for request in requests { try stores.same("\(request)") { try $0.listChats(request) } }
        stores.sameError { try $0.listChats(ChatListRequest(importID: "chat_1")) }
        try stores.same("stats") { try Self.comparable($0.stats()) }
    }

    @Test func conversationPagesAndWindowsAgree() throws {
        let stores = try StorePair()
        defer { stores.close() }
        try stores.upsert(Self.batch, run: (Self.run(), Self.run()))
        let requests = [
            ConversationRequest(id: "chat_1"), ConversationRequest(id: "chat_1", offset: 1, limit: 2),
            ConversationRequest(id: "chat_1", includeHidden: true), ConversationRequest(id: "chat_1", offset: 9),
            ConversationRequest(id: "chat_1", aroundMessageID: "msg_4", before: 1, after: 0),
            ConversationRequest(id: "chat_1", aroundMessageID: "a2b"), ConversationRequest(id: "msg_9"),
            ConversationRequest(id: "chat_1", aroundMessageID: "t1"),
        ]
        for request in requests { try stores.same("\(request)") { try $0.conversation(request) } }
        for id in ["chat_42", "msg_77", "mem_1"] {
            stores.sameError(id) { try $0.conversation(ConversationRequest(id: id)) }
        }
        stores.sameError { try $0.conversation(ConversationRequest(id: "chat_1", aroundMessageID: "nope")) }
        for (id, radius) in [("msg_4", 1), ("msg_1", 2), ("msg_6", 1), ("msg_99", 1), ("chat_1", 1)] {
            try stores.same("\(id)") { try $0.window(around: id, radius: radius).map(Self.comparable) }
        }
        try stores.same { try Self.comparable($0.sourceRowIDs(MemorySource(chatID: "chat_2", messageID: "msg_9"))) }
        try stores.same { try Self.comparable($0.sourceRowIDs(MemorySource(chatID: "chat_2", messageID: nil))) }
        stores.sameError { try $0.sourceRowIDs(MemorySource(chatID: "chat_2", messageID: "msg_1")) }
        stores.sameError { try $0.sourceRowIDs(MemorySource(chatID: "chat_8", messageID: nil)) }
    }

    @Test func aBigChatIsStoredInOrder() throws {
        let stores = try StorePair()
        defer { stores.close() }
        let texts = (0..<1_203).map { "Turn \($0) about café número \($0 % 7) 東京" }
        try stores.upsert([Chats.said(texts, day: 3, id: "big")], run: (Self.run(), Self.run()))
        try stores.same { try $0.conversation(ConversationRequest(id: "chat_1", offset: 1_150, limit: 100)) }
        try stores.same { try $0.conversation(ConversationRequest(id: "chat_1", aroundMessageID: "big-700")) }
        try expectWordStats(stores)
    }

    @Test func importRowsAgree() throws {
        let stores = try StorePair()
        defer { stores.close() }
        let runs = (Self.run(), Self.run())
        try stores.same { store in
            try store.recordImport(store is RecallDatabase ? runs.0 : runs.1)
            return true
        }
        #expect(runs.1.rowID == 1)
        var summary = ImportSummary(importID: "imp_1", platform: "claude")
        summary.chatsAdded = 3
        summary.messagesAdded = 12
        try stores.same { store in
            try store.finishImport(1, summary: summary, at: Conversations.date(8))
            return try Self.comparable(store.stats())
        }
    }

    /// `word_stats` says what the messages' rows hold.
    private func expectWordStats(_ stores: StorePair, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let kept = try stores.postgres.read { connection in
            try connection.run("SELECT documents, words FROM word_stats WHERE kind = 'messages'").rows.first?.decode(
                (Int, Int).self)
        }
        let counted = try stores.postgres.read { connection in
            try connection.run("SELECT COUNT(*), COALESCE(SUM(word_count), 0)::bigint FROM messages").rows.first?
                .decode((Int, Int).self)
        }
        #expect(kept?.0 == counted?.0 && kept?.1 == counted?.1, sourceLocation: sourceLocation)
        #expect(try stores.sqliteCount("SELECT COUNT(*) FROM messages") == counted?.0, sourceLocation: sourceLocation)
    }

    /// Stats without what names or sizes a store's files (the stores differ there by design).
    static func comparable(_ stats: StoreStats) -> StoreStats {
        var stats = stats
        stats.path = ""
        stats.sizeBytes = 0
        stats.schemaVersion = 0
        stats.store = ""
        stats.vectorStorage = ""
        return stats
    }

    private static func comparable(_ window: MessageWindow) -> String {
        "\(window.chatID) \(window.chatTitle) \(window.platform) \(window.messages) \(window.positions)"
    }

    private static func comparable(_ ids: (chat: Int64?, message: Int64?)) -> String {
        "\(String(describing: ids.chat)) \(String(describing: ids.message))"
    }
}
