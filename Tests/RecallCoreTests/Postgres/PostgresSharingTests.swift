import Foundation
import RecallTestSupport
import Synchronization
import Testing

@testable import RecallCore

/// Several Recall servers on one PostgreSQL database, each with its own connections, as on
/// several machines: imports stay idempotent and extraction deduplicates when they race.
@Suite(.enabled(if: TestStore.serverURL != nil, "needs RECALL_TEST_POSTGRES (scripts/test starts a server)"))
struct PostgresSharingTests {
    /// A ChatGPT export of `chats` chats of `turns` turns each, written to a temporary file.
    static func export(chats: Int, turns: Int, tag: String) throws -> String {
        var conversations: [[String: Any]] = []
        for chat in 0..<chats {
            var mapping: [String: Any] = [:]
            var parent: String?
            for turn in 0..<turns {
                let id = "\(tag)-c\(chat)-m\(turn)"
                let role = turn % 2 == 0 ? "user" : "assistant"
                let text =
                    role == "user"
                    ? "I live in Bergen and my favourite food is sushi number \(turn)."
                    : "Noted: reply \(turn) about chat \(chat)."
                mapping[id] = [
                    "id": id, "parent": parent as Any,
                    "children": turn + 1 < turns ? ["\(tag)-c\(chat)-m\(turn + 1)"] : [],
                    "message": [
                        "id": id, "author": ["role": role], "create_time": 1_714_521_600 + chat * 3_600 + turn * 60,
                        "content": ["content_type": "text", "parts": [text]],
                    ],
                ]
                parent = id
            }
            conversations.append([
                "id": "\(tag)-chat-\(chat)", "title": "Chat \(chat)", "create_time": 1_714_521_600 + chat * 3_600,
                "update_time": 1_714_521_600 + chat * 3_600 + turns * 60, "mapping": mapping,
                "current_node": parent as Any,
            ])
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(tag)-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: conversations).write(to: path)
        return path.path
    }

    @Test func twoServersImportingOneExportAtOnceStoreEachChatOnce() throws {
        let location = try TestStore.postgres.location()
        let path = try Self.export(chats: 12, turns: 6, tag: "race-import")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let servers = [Recall(location: location, semantic: .off), Recall(location: location, semantic: .off)]
        let outcomes = Mutex<[Result<ImportSummary, any Error>]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = Result { try servers[index].importChats(ImportRequest(path: path)) }
            outcomes.withLock { $0.append(result) }
        }
        let summaries = try outcomes.withLock { all in try all.map { try $0.get() } }
        #expect(summaries.map(\.chatsAdded).reduce(0, +) == 12)
        let stats = try servers[0].stats()
        #expect(stats.chats == 12)
        #expect(stats.messages == 72)
        // A third import changes nothing.
        let again = try servers[1].importChats(ImportRequest(path: path))
        #expect(again.chatsAdded == 0 && again.chatsUnchanged == 12)
    }

    @Test func twoServersExtractingOneChatAtOnceKeepEachFactOnce() throws {
        let location = try TestStore.postgres.location()
        let path = try Self.export(chats: 1, turns: 8, tag: "race-extract")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = Recall(location: location, semantic: .off)
        let second = Recall(location: location, semantic: .off)
        let imported = try first.importChats(ImportRequest(path: path))
        let chats = try first.listChats(ChatListRequest()).items.map(\.id)
        #expect(imported.chatsAdded == 1 && chats.count == 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            _ = try? [first, second][index].extractMemories(ExtractRequest(chatIDs: chats))
        }
        let memories = try first.listMemories(MemoryListRequest(limit: 100)).memories
        let contents = memories.map(\.content)
        #expect(!contents.isEmpty)
        #expect(Set(contents).count == contents.count, "a fact stored twice: \(contents)")
        // The same extraction on one server alone stores as many.
        let alone = try TestStore.postgres.recall(semantic: .off)
        _ = try alone.importChats(ImportRequest(path: path))
        _ = try alone.extractMemories(
            ExtractRequest(chatIDs: try alone.listChats(ChatListRequest()).items.map(\.id)))
        #expect(try alone.listMemories(MemoryListRequest(limit: 100)).memories.count == memories.count)
    }
}
