import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

/// A contradicting fact supersedes the older one at add, extract and import time: both stay,
/// linked, and lists show the current one.
@Suite(.eachStore) struct SupersessionTests {
    let clock = TestClock()

    @Test func aContradictingMemorySupersedesTheCurrentOne() throws {
        let recall = Recall.testStore(clock: clock.now)
        let liked = try recall.addMemory(AddMemoryRequest(content: "The user likes Chinese food.", tags: ["food"]))
            .memories[0]
        let hated = try recall.addMemory(AddMemoryRequest(content: "The user hates Chinese food."))
        #expect(hated.added == 1 && hated.superseded == 1)
        let current = hated.memories[0]
        #expect(current.supersedes == liked.id)
        #expect(current.tags == ["food"])
        #expect(try recall.memory(id: liked.id).supersededBy == current.id)
        #expect(
            try recall.listMemories(MemoryListRequest()).memories.map(\.content) == ["The user hates Chinese food."])
        #expect(try recall.listMemories(MemoryListRequest(includeSuperseded: true)).total == 2)
    }

    @Test func theSameValueInOtherWordsIsADuplicate() throws {
        let recall = Recall.testStore(clock: clock.now)
        let first = try recall.addMemory(AddMemoryRequest(content: "The user likes Chinese food.", confidence: 0.7))
            .memories[0]
        let again = try recall.addMemory(AddMemoryRequest(content: "The user loves Chinese food."))
        #expect(again.merged == 1 && again.superseded == 0)
        #expect(again.memories[0].id == first.id)
    }

    @Test func aTrailingQualifierStillContradicts() throws {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.addMemory(
            AddMemoryRequest(
                messages: [ChatTurn(role: "user", content: "I like Chinese food.")], memoriesAt: Conversations.date(1)))
        let changed = try recall.addMemory(
            AddMemoryRequest(
                messages: [ChatTurn(role: "user", content: "I hate Chinese food these days.")],
                memoriesAt: Conversations.date(5)))
        #expect(changed.added == 1 && changed.superseded == 1)
        #expect(
            try recall.listMemories(MemoryListRequest()).memories.map(\.content) == [
                "The user hates Chinese food these days."
            ])
        // And back again, qualified the other way.
        let again = try recall.addMemory(
            AddMemoryRequest(
                messages: [ChatTurn(role: "user", content: "Honestly I really love Chinese food again.")],
                memoriesAt: Conversations.date(9)))
        #expect(again.superseded == 1)
        #expect(try recall.listMemories(MemoryListRequest()).total == 1)
    }

    @Test func aQualifiedRestatementMergesIntoTheSameFact() throws {
        let recall = Recall.testStore(clock: clock.now)
        let hates = try recall.addMemory(AddMemoryRequest(content: "The user hates TypeScript.", confidence: 0.7))
            .memories[0]
        let restated = try recall.addMemory(
            AddMemoryRequest(
                messages: [ChatTurn(role: "user", content: "I hate TypeScript these days.")],
                memoriesAt: Conversations.date(3)))
        #expect(restated.merged == 1 && restated.added == 0 && restated.superseded == 0)
        #expect(restated.memories.first?.id == hates.id)
        #expect(try recall.listMemories(MemoryListRequest()).memories.map(\.content) == ["The user hates TypeScript."])
        #expect(try recall.memory(id: hates.id).confidence > 0.7)
    }

    @Test func aProjectToldAgainInOtherWordsIsKeptOnce() throws {
        let recall = Recall.testStore(clock: clock.now)
        let first = try recall.importConversations(
            [
                Chats.said(
                    ["I'm developing a Django app for managing rental properties. How should I model leases?"], day: 1,
                    id: "a")
            ],
            label: "a", extract: true)
        let again = try recall.importConversations(
            [Chats.said(["I'm building a Django app for landlords and the view below is slow."], day: 4, id: "b")],
            label: "b", extract: true)
        #expect(first.memoriesExtracted == 1 && again.memoriesExtracted == 0)
        let memories = try recall.listMemories(MemoryListRequest(includeSuperseded: true)).memories
        #expect(memories.map(\.content) == ["The user is developing a Django app for managing rental properties."])
        #expect(memories.first?.extraSources?.count == 1)
        // Another project is another memory.
        _ = try recall.importConversations(
            [Chats.said(["I'm writing a fantasy novel set in Iceland."], day: 6, id: "c")], label: "c", extract: true)
        #expect(try recall.listMemories(MemoryListRequest()).total == 2)
    }

    @Test func extractedStatementsSupersedeByWhenTheyWereSaid() throws {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.addMemory(
            AddMemoryRequest(
                messages: [ChatTurn(role: "user", content: "I live in Oslo.")], memoriesAt: Conversations.date(1)))
        let moved = try recall.addMemory(
            AddMemoryRequest(
                messages: [ChatTurn(role: "user", content: "I live in Bergen now.")], memoriesAt: Conversations.date(9))
        )
        #expect(moved.superseded == 1)
        #expect(try recall.listMemories(MemoryListRequest()).memories.map(\.content) == ["The user lives in Bergen."])
    }

    @Test func anOlderChatImportedLaterBecomesHistoryNotCurrent() throws {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.importConversations(
            [Chats.said(["I live in Bergen."], day: 10, id: "new")], label: "newer", extract: true)
        _ = try recall.importConversations(
            [Chats.said(["I live in Oslo."], day: 2, id: "old")], label: "older", extract: true)
        let current = try recall.listMemories(MemoryListRequest())
        #expect(current.memories.map(\.content) == ["The user lives in Bergen."])
        let all = try recall.listMemories(MemoryListRequest(includeSuperseded: true)).memories
        let oslo = try #require(all.first { $0.content == "The user lives in Oslo." })
        #expect(oslo.supersededBy == current.memories[0].id)
        #expect(current.memories[0].supersedes == oslo.id)
        // Forgetting the current version forgets the history it carries.
        #expect(try recall.forget(ForgetRequest(memoryIDs: [current.memories[0].id])).memoriesDeleted == 2)
    }

    @Test func aLateVersionIsInsertedWhereItsDateBelongs() throws {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.importConversations(
            [Chats.said(["I live in Oslo."], day: 1, id: "a")], label: "a", extract: true)
        _ = try recall.importConversations(
            [Chats.said(["I live in Bergen."], day: 20, id: "c")], label: "c", extract: true)
        _ = try recall.importConversations(
            [Chats.said(["I live in Tromsø."], day: 10, id: "b")], label: "b", extract: true)
        let all = try recall.listMemories(MemoryListRequest(order: .oldest, includeSuperseded: true)).memories
        let byContent = Dictionary(uniqueKeysWithValues: all.map { ($0.content, $0) })
        let oslo = try #require(byContent["The user lives in Oslo."])
        let tromso = try #require(byContent["The user lives in Tromsø."])
        let bergen = try #require(byContent["The user lives in Bergen."])
        #expect(bergen.supersededBy == nil && bergen.supersedes == tromso.id)
        #expect(tromso.supersededBy == bergen.id && tromso.supersedes == oslo.id)
        #expect(oslo.supersededBy == tromso.id)
        // An older statement of a value already in the history is more evidence for that version.
        _ = try recall.importConversations(
            [Chats.said(["I live in Oslo."], day: 3, id: "d")], label: "d", extract: true)
        #expect(try recall.listMemories(MemoryListRequest(includeSuperseded: true)).total == 3)
        #expect(try recall.memory(id: oslo.id).extraSources?.count == 1)
    }

    @Test func reExtractingIsIdempotentAcrossHistory() throws {
        let recall = Recall.testStore(clock: clock.now)
        let chats = [
            Chats.said(["I live in Oslo."], day: 1, id: "a"), Chats.said(["I live in Bergen."], day: 5, id: "b"),
        ]
        let first = try recall.importConversations(chats, label: "first", extract: true)
        #expect(first.memoriesExtracted == 2)
        let second = try recall.importConversations(chats, label: "again", extract: true)
        #expect(second.memoriesExtracted == 0)
        #expect(try recall.listMemories(MemoryListRequest(includeSuperseded: true)).total == 2)
    }

    @Test func namespacesBucketsAndVerbatimTurnsDoNotContradict() throws {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.addMemory(AddMemoryRequest(content: "The user lives in Oslo.", userID: "ana"))
        #expect(
            try recall.addMemory(AddMemoryRequest(content: "The user lives in Lima.", userID: "ben")).superseded == 0)
        #expect(
            try recall.addMemory(AddMemoryRequest(content: "The user lives in Rome.", bucket: "story", userID: "ana"))
                .superseded == 0)
        let verbatim = try recall.addMemory(
            AddMemoryRequest(
                messages: [ChatTurn(role: "assistant", content: "The user lives in Paris.")], extract: false,
                userID: "ana"))
        #expect(verbatim.superseded == 0)
        #expect(try recall.listMemories(MemoryListRequest(userID: "ana")).total == 3)
    }

    @Test func updatingContentSupersedesAndRecomputesItsSignature() throws {
        let recall = Recall.testStore(clock: clock.now)
        let oslo = try recall.addMemory(AddMemoryRequest(content: "The user lives in Oslo.")).memories[0]
        let bergen = try recall.updateMemory(MemoryUpdate(id: oslo.id, content: "The user lives in Bergen."))
        // The updated memory is current for its slot: a later statement supersedes it in turn.
        let tromso = try recall.addMemory(AddMemoryRequest(content: "The user lives in Tromsø."))
        #expect(tromso.memories[0].supersedes == bergen.id)
    }
}
