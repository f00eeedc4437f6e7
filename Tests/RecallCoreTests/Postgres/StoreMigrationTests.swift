import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

/// `recall migrate`: a SQLite store copied to PostgreSQL and back answers alike, ids kept.
@Suite(.enabled(if: TestStore.serverURL != nil, "needs RECALL_TEST_POSTGRES (scripts/test starts a server)"))
struct StoreMigrationTests {
    let clock = TestClock()

    /// A file store with chats (one branched, one with an attachment), memories (one superseded,
    /// one with an extra source), vectors and an API key.
    func filledStore() throws -> (Recall, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("migrate-\(UUID().uuidString).sqlite")
            .path
        let recall = Recall(location: .file(path), clock: clock.now)
        _ = try recall.importConversations(
            [
                Conversations.branched(), Conversations.withAttachment(),
                Chats.said(["我住在东京。", "Noted."], day: 3, id: "cjk"),
            ],
            label: "fixture")
        _ = try recall.addMemory(AddMemoryRequest(content: "The user lives in Oslo.", tags: ["home"]))
        _ = try recall.addMemory(AddMemoryRequest(content: "The user lives in Bergen."))
        _ = try recall.addMemory(AddMemoryRequest(content: "The user is vegetarian."))
        try recall.storeAPIKey(
            APIKey(id: "k1", account: "alice", scope: .write, createdAt: Conversations.date(1), perMinute: 60),
            hash: Array(repeating: 7, count: 32))
        return (recall, path)
    }

    @Test func aStoreCopiedToPostgresAndBackAnswersAlike() throws {
        let (original, path) = try filledStore()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let server = try TestStore.postgres.location()
        let summary = try Recall.migrate(from: .file(path), to: server)
        #expect(summary.tables.allSatisfy { $0.source == $0.target })
        #expect(summary.tables.first { $0.name == "messages" }?.copied ?? 0 > 0)
        #expect(!summary.to.contains("recall-test"), "the password is never shown")

        let copy = Recall(location: server, clock: clock.now)
        try expectAlike(original, copy)
        // Run again: nothing new is copied, the counts still agree.
        let again = try Recall.migrate(from: .file(path), to: server)
        #expect(again.tables.allSatisfy { $0.copied == 0 && $0.source == $0.target })
        // What is added to the copy gets a new id, not one of the copied rows'.
        let added = try copy.addMemory(AddMemoryRequest(content: "The user plays the cello."))
        #expect(
            try original.listMemories(MemoryListRequest(limit: 100)).memories.allSatisfy {
                $0.id != added.memories[0].id
            })

        let back = FileManager.default.temporaryDirectory.appendingPathComponent("back-\(UUID().uuidString).sqlite")
            .path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: back + suffix) } }
        let returned = try Recall.migrate(from: server, to: .file(back))
        #expect(returned.tables.allSatisfy { $0.source == $0.target })
        try expectAlike(copy, Recall(location: .file(back), clock: clock.now))
    }

    @Test func aTargetHoldingOtherDataIsReported() throws {
        let (_, path) = try filledStore()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let server = try TestStore.postgres.location()
        let other = Recall(location: server, clock: clock.now)
        _ = try other.addMemory(AddMemoryRequest(content: "The user owns a boat."))
        _ = try other.addMemory(AddMemoryRequest(content: "The user owns a bike."))
        _ = try other.addMemory(AddMemoryRequest(content: "The user owns a kite."))
        _ = try other.addMemory(AddMemoryRequest(content: "The user owns a drum."))
        let error = #expect(throws: RecallError.self) { try Recall.migrate(from: .file(path), to: server) }
        #expect(error?.code == .conflict)
        // Nothing the target held was overwritten.
        #expect(try other.memory(id: "mem_1").content == "The user owns a boat.")
    }

    /// The same chats, conversations, memories, search answers and keys.
    func expectAlike(_ left: Recall, _ right: Recall) throws {
        let chats = try left.listChats(ChatListRequest(pageSize: 100))
        #expect(try right.listChats(ChatListRequest(pageSize: 100)) == chats)
        for chat in chats.items {
            #expect(
                try right.conversation(ConversationRequest(id: chat.id, includeHidden: true))
                    == left.conversation(ConversationRequest(id: chat.id, includeHidden: true)))
        }
        #expect(
            try right.listMemories(MemoryListRequest(limit: 100)) == left.listMemories(MemoryListRequest(limit: 100)))
        for query in ["Bergen", "vegetarian", "东京", "attachment"] {
            #expect(
                try right.search(SearchRequest(query: query)).results.map(\.id)
                    == left.search(SearchRequest(query: query)).results.map(\.id), "\(query)")
        }
        #expect(try right.apiKeys().map(\.id) == left.apiKeys().map(\.id))
        let (leftStats, rightStats) = (try left.stats(), try right.stats())
        #expect(rightStats.chats == leftStats.chats && rightStats.messages == leftStats.messages)
        #expect(
            rightStats.memories == leftStats.memories && rightStats.supersededMemories == leftStats.supersededMemories)
    }
}
