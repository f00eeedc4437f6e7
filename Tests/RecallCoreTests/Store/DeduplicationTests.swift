import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

/// Exact and near-duplicates merge into one memory: newer evidence raises confidence and adds a
/// source; different facts never merge.
@Suite(.eachStore) struct DeduplicationTests {
    let clock = TestClock()

    @Test func nearDuplicatesInOtherWordsMerge() throws {
        let recall = Recall.testStore(clock: clock.now)
        let first = try recall.addMemory(
            AddMemoryRequest(content: "The user really loves the TypeScript language.", confidence: 0.6)
        ).memories[0]
        let second = try recall.addMemory(
            AddMemoryRequest(content: "The user loves TypeScript language!", confidence: 0.6))
        #expect(second.merged == 1)
        #expect(second.memories[0].id == first.id)
        #expect(second.memories[0].confidence > 0.6)
    }

    @Test(arguments: [
        ("The user has two kids.", "The user has kids."),
        ("The user moved to Oslo in 2019.", "The user moved to Oslo in 2020."),
        ("The user plays tennis.", "The user's brother plays tennis."),
        ("The user went to the gym on 3 May 2024.", "The user went to the gym on 4 May 2024."),
    ])
    func differentFactsStaySeparate(_ a: String, _ b: String) throws {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.addMemory(AddMemoryRequest(content: a))
        let second = try recall.addMemory(AddMemoryRequest(content: b))
        #expect(second.added == 1 && second.merged == 0 && second.superseded == 0)
    }

    @Test func evidenceFromAnotherMessageAddsASourceTheSameMessageDoesNot() throws {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.importConversations([Chats.said(["I love hiking."], day: 1, id: "a")], label: "a", extract: true)
        let first = try #require(try recall.listMemories(MemoryListRequest()).memories.first)
        _ = try recall.importConversations(
            [Chats.said(["I love hiking."], day: 1, id: "a")], label: "again", extract: true)
        #expect(try recall.memory(id: first.id).confidence == first.confidence)
        _ = try recall.importConversations(
            [Chats.said(["Honestly, I really love hiking!"], day: 4, id: "b")], label: "b", extract: true)
        let merged = try recall.memory(id: first.id)
        #expect(merged.confidence > first.confidence)
        #expect(merged.source?.chatID == first.source?.chatID)
        #expect(merged.extraSources?.count == 1)
        #expect(try recall.listMemories(MemoryListRequest()).total == 1)
    }

    @Test func aMergeFillsWhatTheMemoryLacksAndKeepsWhatItHas() throws {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.addMemory(
            AddMemoryRequest(content: "The user visited Reykjavik.", tags: ["trip"], metadata: ["a": .int(1)]))
        let merged = try recall.addMemory(
            AddMemoryRequest(
                content: "the user visited reykjavik", tags: ["iceland"], latitude: 64.1, longitude: -21.9,
                metadata: ["b": .int(2)])
        ).memories[0]
        #expect(merged.tags == ["iceland", "trip"])
        #expect(merged.latitude == 64.1 && merged.longitude == -21.9)
        #expect(merged.metadata == ["a": .int(1)])
    }

    @Test func bucketsKeepTheirOwnCopies() throws {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.addMemory(AddMemoryRequest(content: "The user drinks oat milk.", bucket: "home"))
        #expect(try recall.addMemory(AddMemoryRequest(content: "The user drinks oat milk.", bucket: "work")).added == 1)
    }
}
