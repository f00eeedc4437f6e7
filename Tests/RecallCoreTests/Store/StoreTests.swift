import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

@Suite(.eachStore) struct StoreTests {
    let clock = TestClock()

    private func makeRecall() -> Recall { Recall.testStore(clock: clock.now) }

    @Test func upsertStoresAllBranchesButCountsTheActiveOne() throws {
        let recall = makeRecall()
        let database = try recall.database()
        let outcome = try database.upsert(Conversations.branched(), importID: nil, bucket: nil)
        #expect(outcome.outcome == .added)
        #expect(outcome.messagesAdded == 7)
        let chats = try recall.listChats(ChatListRequest())
        #expect(chats.total == 1)
        #expect(chats.items[0].messageCount == 4)
        let page = try recall.conversation(ConversationRequest(id: chats.items[0].id))
        #expect(page.messages.map(\.sourceMessageID) == ["u1", "a1", "u2", "a2"])
        let withHidden = try recall.conversation(ConversationRequest(id: chats.items[0].id, includeHidden: true))
        #expect(withHidden.messages.map(\.sourceMessageID) == ["u1", "a1", "t1", "u2", "a2"])
    }

    @Test func reimportIsUnchangedAndANewerExportUpdates() throws {
        let database = try makeRecall().database()
        _ = try database.upsert(Conversations.branched(), importID: nil, bucket: nil)
        let again = try database.upsert(Conversations.branched(), importID: nil, bucket: nil)
        #expect(again.outcome == .unchanged)
        #expect(again.messagesAdded == 0)
        let newer = try database.upsert(
            Conversations.branched(secondAnswer: "Go in November."), importID: nil, bucket: nil)
        #expect(newer.outcome == .updated)
        #expect(newer.messagesAdded == 0)
        #expect(newer.messagesUpdated == 1)
    }

    @Test func offBranchMessageOpensWithItsOwnPath() throws {
        let recall = makeRecall()
        let chat = try recall.database().upsert(Conversations.branched(), importID: nil, bucket: nil)
        let page = try recall.conversation(
            ConversationRequest(id: "chat_\(chat.chatID)", aroundMessageID: "a2b", before: 5))
        #expect(page.messages.map(\.sourceMessageID) == ["u1", "a1", "u2b", "a2b"])
    }

    @Test func unknownAndMalformedIdsGiveClearErrors() throws {
        let recall = makeRecall()
        #expect(throws: RecallError.self) { try recall.conversation(ConversationRequest(id: "chat_99")) }
        do {
            _ = try recall.conversation(ConversationRequest(id: "mem_3"))
            Issue.record("expected an error")
        } catch let error as RecallError {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains("chat"))
        }
    }

    @Test func fileStoreIsPrivateAndReopens() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nested/recall.sqlite").path
        let first = Recall(location: .file(path), clock: clock.now)
        _ = try first.addMemory(AddMemoryRequest(content: "The user prefers tea."))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let second = Recall(location: .file(path), clock: clock.now)
        #expect(try second.stats().memories == 1)
        #expect(try second.stats().schemaVersion == Schema.migrationIDs.count)
    }

    @Test func updateChatRenamesPinsAndTags() throws {
        let recall = makeRecall()
        let chat = try recall.database().upsert(Conversations.branched(title: nil), importID: nil, bucket: nil)
        let id = "chat_\(chat.chatID)"
        #expect(try recall.listChats(ChatListRequest()).items[0].title == "Untitled")
        let updated = try recall.updateChat(
            ChatUpdate(id: id, title: "Japan", pinned: true, bucket: "travel", tags: ["trip", "trip", " japan "]))
        #expect(updated.title == "Japan")
        #expect(updated.tags == ["japan", "trip"])
        #expect(try recall.listChats(ChatListRequest(pinnedOnly: true, bucket: "travel")).total == 1)
        #expect(try recall.listChats(ChatListRequest(title: "jap")).total == 1)
        // A rename survives a re-import of a newer export.
        _ = try recall.database().upsert(
            Conversations.branched(title: "Other", secondAnswer: "changed"), importID: nil, bucket: nil)
        #expect(try recall.listChats(ChatListRequest()).items[0].title == "Japan")
    }

    @Test func forgetChatCascadesToMessagesSearchRowsAndDerivedMemories() throws {
        let recall = makeRecall()
        let chat = try recall.database().upsert(Conversations.branched(), importID: nil, bucket: nil)
        let extracted = try recall.extractMemories(ExtractRequest(chatIDs: ["chat_\(chat.chatID)"]))
        #expect(!extracted.memories.isEmpty)
        let kept = try recall.addMemory(AddMemoryRequest(content: "The user owns a red bicycle."))
        let preview = try recall.forget(ForgetRequest(chatIDs: ["chat_\(chat.chatID)"], dryRun: true))
        #expect(preview.chatsDeleted == 1)
        // Counted as list_chats counts them (the visible active branch), the rest said apart.
        #expect(preview.messagesDeleted == 4 && preview.otherMessagesDeleted == 3)
        #expect(try recall.stats().chats == 1)
        let result = try recall.forget(ForgetRequest(chatIDs: ["chat_\(chat.chatID)"]))
        #expect(result.memoriesDeleted == extracted.memories.count)
        #expect(try recall.stats().chats == 0)
        #expect(try recall.stats().messages == 0)
        #expect(try recall.search(SearchRequest(query: "Kyoto", scope: .messages)).results.isEmpty)
        #expect(try recall.listMemories(MemoryListRequest()).memories.map(\.id) == kept.memories.map(\.id))
    }
}
