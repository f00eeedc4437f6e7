import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

/// Accounts: each sees only its own chats, imports and memories in one shared store.
@Suite(.eachStore) struct AccountTests {
    @Test func accountsShareAStoreButNotTheirData() throws {
        let local = Recall.testStore()
        let alice = local.acting(as: "alice")
        let bob = local.acting(as: "bob")
        let chat = Chats.said(["My zanzibar hive is blue."], day: 1, id: "c1")
        let alicesImport = try alice.importConversations([chat], label: "a", extract: true)
        let bobsImport = try bob.importConversations([chat], label: "b")
        #expect(
            alicesImport.chatsAdded == 1 && bobsImport.chatsAdded == 1, "the same export is a new chat for each account"
        )

        let alicesChat = try #require(try alice.listChats(ChatListRequest()).items.first)
        let bobsChat = try #require(try bob.listChats(ChatListRequest()).items.first)
        #expect(alicesChat.id != bobsChat.id)
        #expect(try local.listChats(ChatListRequest()).total == 0)

        #expect(try bob.search(SearchRequest(query: "zanzibar")).results.allSatisfy { $0.chatID == bobsChat.id })
        #expect(throws: RecallError.self) { try bob.conversation(ConversationRequest(id: alicesChat.id)) }
        #expect(throws: RecallError.self) { try bob.updateChat(ChatUpdate(id: alicesChat.id, pinned: true)) }
        #expect(throws: RecallError.self) { try bob.forget(ForgetRequest(chatIDs: [alicesChat.id])) }
        #expect(throws: RecallError.self) { try bob.forget(ForgetRequest(importID: alicesImport.importID)) }
        #expect(throws: RecallError.self) { try bob.extractMemories(ExtractRequest(chatIDs: [alicesChat.id])) }

        let memory = try alice.addMemory(AddMemoryRequest(content: "Alice prefers tea.")).memories[0]
        #expect(throws: RecallError.self) { try bob.memory(id: memory.id) }
        #expect(throws: RecallError.self) {
            try bob.updateMemory(MemoryUpdate(id: memory.id, content: "Bob was here."))
        }
        #expect(throws: RecallError.self) { try bob.forget(ForgetRequest(memoryIDs: [memory.id])) }
        #expect(try bob.listMemories(MemoryListRequest()).total == 0)
        #expect(try bob.search(SearchRequest(query: "tea", scope: .memories)).results.isEmpty)
        #expect(try bob.stats().memories == 0)
        // The same memory said by Bob is Bob's own, not merged into Alice's.
        let bobs = try bob.addMemory(AddMemoryRequest(content: "Alice prefers tea.")).memories[0]
        #expect(bobs.id != memory.id)
        #expect(try alice.memory(id: memory.id).content == "Alice prefers tea.")
        #expect(try alice.conversation(ConversationRequest(id: alicesChat.id)).messages.count == 1)
    }

    @Test func countsImportRowsAndMessageIDsStayWithTheirAccount() throws {
        let local = Recall.testStore()
        let alice = local.acting(as: "alice")
        let bob = local.acting(as: "bob")
        let imported = try alice.importConversations(
            [Chats.said(["My zanzibar hive is blue.", "I keep bees."], day: 1, id: "c1")], label: "a", extract: true)
        _ = try alice.addMemory(AddMemoryRequest(content: "Alice prefers tea."))
        let chat = try #require(try alice.listChats(ChatListRequest()).items.first)
        let message = try #require(try alice.conversation(ConversationRequest(id: chat.id)).messages.first)

        // A message id opens its chat for its owner only.
        #expect(try alice.conversation(ConversationRequest(id: message.id)).messages.count == 2)
        let refusal = #expect(throws: RecallError.self) { try bob.conversation(ConversationRequest(id: message.id)) }
        #expect(refusal?.message.contains(chat.id) == false, "another account's message does not reveal its chat")

        let bobs = try bob.stats()
        #expect(bobs.chats == 0 && bobs.messages == 0 && bobs.hiddenMessages == 0 && bobs.branchMessages == 0)
        #expect(bobs.memories == 0 && bobs.memoryUsers == 0 && bobs.imports.isEmpty)
        let alices = try alice.stats()
        #expect(alices.messages == 2 && alices.memoryUsers == 1)
        #expect(alices.imports.map(\.id) == [imported.importID].compactMap { $0 })
    }
}
