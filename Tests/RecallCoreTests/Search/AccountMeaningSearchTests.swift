import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

/// Search by meaning keeps accounts apart: one account's vectors never rank, return or crowd
/// out another's, and each account's copy of an export gets vectors of its own.
@Suite(.eachStore) struct AccountMeaningSearchTests {
    let clock = TestClock()

    private func turns(_ texts: [String], chat: String) -> ParsedConversation {
        let messages = texts.enumerated().map { index, text in
            ParsedMessage(
                sourceID: "\(chat)-m\(index)", role: index.isMultiple(of: 2) ? .user : .assistant, text: text,
                activePosition: index)
        }
        return ParsedConversation(platform: .claude, sourceID: chat, title: "Chat \(chat)", messages: messages)
    }

    @Test func anotherAccountsMessagesAndMemoriesAreNeverFoundByMeaning() throws {
        let store = Recall.testStore(clock: clock.now, semantic: .concepts)
        let alice = store.acting(as: "alice")
        let bob = store.acting(as: "bob")
        _ = try alice.importConversations(
            [turns(["My puppy chewed the sofa.", "Retrievers do that."], chat: "a1")], label: "alice")
        _ = try alice.addMemory(AddMemoryRequest(content: "The user is vegetarian."))
        _ = try bob.importConversations([turns(["We deploy to production on Fridays."], chat: "b1")], label: "bob")
        _ = try bob.addMemory(AddMemoryRequest(content: "The user plays the guitar."))

        // Alice finds hers by meaning alone ("pet" and "diet" are words of none of them)...
        let alicesPets = try alice.search(SearchRequest(query: "pet trouble", scope: .messages)).results
        #expect(alicesPets.first?.sourceMessageID == "a1-m0")
        #expect(alicesPets.first?.matchedBy == [.meaning])
        #expect(
            try alice.search(SearchRequest(query: "diet", scope: .memories)).results.map(\.content) == [
                "The user is vegetarian."
            ])
        // ...and neither Bob nor the local account finds any of it, whatever the scope.
        for other in [bob, store] {
            for scope in [SearchScope.all, .messages, .memories] {
                let hits = try other.search(SearchRequest(query: "pet trouble diet", scope: scope)).results
                #expect(hits.allSatisfy { $0.chatID.map { !alicesPets.compactMap(\.chatID).contains($0) } ?? true })
                #expect(hits.allSatisfy { $0.content != "The user is vegetarian." })
                #expect(hits.allSatisfy { $0.sourceMessageID?.hasPrefix("a1-") != true })
            }
        }
        // Bob's own are still found by meaning.
        #expect(
            try bob.search(SearchRequest(query: "music", scope: .memories)).results.map(\.content) == [
                "The user plays the guitar."
            ])
        #expect(
            try bob.search(SearchRequest(query: "release", scope: .messages)).results.first?.sourceMessageID == "b1-m0")
        #expect(try bob.context(ContextRequest(query: "pet diet")).context.contains("vegetarian") == false)
    }

    @Test func anotherAccountsNearerVectorsDoNotCrowdOutOnesOwn() throws {
        // Two nearest per query: were the accounts' vectors one index, Alice's three turns, stored
        // first and as near as Bob's, would take both places and Bob's turn would be lost.
        var narrow = SemanticSearch.concepts
        narrow.fusion.pool = 2
        let store = Recall.testStore(clock: clock.now, semantic: narrow)
        let alice = store.acting(as: "alice")
        let bob = store.acting(as: "bob")
        _ = try alice.importConversations([turns(["Puppy.", "Retriever.", "Dog."], chat: "a1")], label: "alice")
        _ = try bob.importConversations([turns(["Puppy!"], chat: "b1")], label: "bob")
        let hits = try bob.search(SearchRequest(query: "pet", scope: .messages)).results
        #expect(hits.map(\.sourceMessageID) == ["b1-m0"])
        #expect(hits.first?.matchedBy == [.meaning])
    }

    @Test func eachAccountsCopyOfAnExportGetsItsOwnVectors() throws {
        let store = Recall.testStore(clock: clock.now, semantic: .concepts)
        let chat = turns(["My puppy chewed the sofa."], chat: "shared")
        _ = try store.acting(as: "alice").importConversations([chat], label: "alice")
        _ = try store.acting(as: "bob").importConversations([chat], label: "bob")
        // Bob's copy is a chat of its own; it is found by meaning, so its messages were embedded
        // although Alice's identical copy was stored first.
        let hits = try store.acting(as: "bob").search(SearchRequest(query: "pet", scope: .messages)).results
        #expect(hits.count == 1)
        #expect(hits.first?.matchedBy == [.meaning])
    }

    @Test func memoriesOfAnotherAccountLendNoMeaningToOnesTurns() throws {
        // Provenance: a memory raises the turn it came from. Alice's memory about her pet must not
        // raise, nor reveal, anything in Bob's search.
        let store = Recall.testStore(clock: clock.now, semantic: .concepts)
        let alice = store.acting(as: "alice")
        let bob = store.acting(as: "bob")
        _ = try alice.importConversations(
            [turns(["I have a retriever called Rex."], chat: "a1")], label: "alice", extract: true)
        _ = try bob.importConversations([turns(["The weather was grey today."], chat: "b1")], label: "bob")
        let hits = try bob.search(SearchRequest(query: "pet", scope: .all)).results
        #expect(hits.isEmpty)
    }
}
