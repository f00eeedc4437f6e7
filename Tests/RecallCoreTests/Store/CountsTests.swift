import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

/// Every count of messages means the same thing (the visible messages of each chat's active
/// branch), and what else is stored is said apart; empty conversations and imports that store
/// nothing leave no trace.
@Suite(.eachStore) struct CountsTests {
    let clock = TestClock()

    @Test func statsChatsAndForgetAgreeAndSayWhatElseIsStored() throws {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.importConversations(
            [Conversations.branched(), Conversations.withAttachment()], label: "two chats")
        let stats = try recall.stats()
        let chats = try recall.listChats(ChatListRequest())
        #expect(stats.chats == chats.total)
        #expect(stats.messages == chats.items.map(\.messageCount).reduce(0, +))
        #expect(stats.messages == 6 && stats.hiddenMessages == 1 && stats.branchMessages == 2)
        let preview = try recall.forget(ForgetRequest(chatIDs: chats.items.map(\.id), dryRun: true))
        #expect(preview.messagesDeleted == stats.messages)
        #expect(preview.otherMessagesDeleted == stats.hiddenMessages + stats.branchMessages)
        var shown = 0
        for chat in chats.items {
            shown += try recall.conversation(ConversationRequest(id: chat.id, limit: 200)).total
        }
        #expect(shown == stats.messages, "what get_conversation pages through is what the counts count")
    }

    @Test func aConversationWithoutMessagesIsNotStoredAndCountsAsSkipped() throws {
        let recall = Recall.testStore(clock: clock.now)
        let empty = ParsedConversation(
            platform: .chatgpt, sourceID: "empty", title: "New chat", createdAt: Conversations.date(1), updatedAt: nil,
            messages: [])
        let onlySystem = ParsedConversation(
            platform: .chatgpt, sourceID: "system", title: "Only a system prompt", createdAt: Conversations.date(1),
            updatedAt: nil,
            messages: [
                ParsedMessage(
                    sourceID: "s", role: .system, text: "You are helpful.", createdAt: nil, hidden: true,
                    activePosition: 0)
            ])
        let summary = try recall.importConversations(
            [empty, Chats.said(["Hello there."], day: 1, id: "a"), onlySystem], label: "mixed")
        #expect(summary.chatsAdded == 1 && summary.skipped == 2)
        #expect(try recall.stats().chats == 1)
    }

    @Test func anImportThatStoresNothingTakesNoIDAndAddsNoRow() throws {
        let recall = Recall.testStore(clock: clock.now)
        let chat = Chats.said(["Hello there."], day: 1, id: "a")
        let first = try recall.importConversations([chat], label: "first")
        #expect(first.importID == "imp_1")
        let again = try recall.importConversations([chat], label: "again")
        #expect(again.importID == nil && again.chatsUnchanged == 1)
        #expect(try recall.stats().imports.map(\.id) == ["imp_1"])
        let changed = try recall.importConversations(
            [Chats.said(["Hello there.", "More."], day: 1, id: "a")], label: "newer")
        #expect(changed.importID == "imp_2" && changed.chatsUpdated == 1)
    }

    @Test func aFailedImportTakesNoIDEither() throws {
        let recall = Recall.testStore(clock: clock.now)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-counts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("notes.json")
        try Data(#"{"not": "an export"}"#.utf8).write(to: bad)
        #expect(throws: RecallError.self) { try recall.importChats(ImportRequest(path: bad.path)) }
        #expect(try recall.stats().imports.isEmpty)
        let summary = try recall.importConversations([Chats.said(["Hello there."], day: 1, id: "a")], label: "good")
        #expect(summary.importID == "imp_1", "the failed import used no id")
    }
}
