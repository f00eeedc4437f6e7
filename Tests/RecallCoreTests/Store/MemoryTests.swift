import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

@Suite(.eachStore) struct MemoryTests {
    let clock = TestClock()

    @Test func addStoresEveryField() throws {
        let recall = Recall.testStore(clock: clock.now)
        let result = try recall.addMemory(
            AddMemoryRequest(
                content: "  The user photographed the aurora.  ", tags: ["trip"], bucket: "iceland",
                memoryType: .experience,
                memoriesAt: Conversations.date(3), latitude: 64.1, longitude: -21.9,
                metadata: ["camera": .string("x100")],
                userID: "ana", imageRef: "file://aurora.jpg", imageDescription: "Green aurora over a lake",
                confidence: 0.8))
        let memory = try #require(result.memories.first)
        #expect(memory.content == "The user photographed the aurora.")
        #expect(memory.type == .experience)
        #expect(memory.tags == ["trip"])
        #expect(memory.bucket == "iceland")
        #expect(memory.userID == "ana")
        #expect(memory.latitude == 64.1)
        #expect(memory.metadata?["camera"] == .string("x100"))
        #expect(memory.imageDescription == "Green aurora over a lake")
        #expect(memory.confidence == 0.8)
        // The image description is searchable.
        let hits = try recall.search(SearchRequest(query: "lake", filters: SearchFilters(userID: "ana")))
        #expect(hits.results.map(\.id) == [memory.id])
    }

    @Test func nearDuplicatesMergeAndRaiseConfidence() throws {
        let recall = Recall.testStore(clock: clock.now)
        let first = try recall.addMemory(AddMemoryRequest(content: "The user loves Rust.", confidence: 0.7))
        let second = try recall.addMemory(
            AddMemoryRequest(content: "the user loves rust!", tags: ["lang"], confidence: 0.7))
        #expect(second.added == 0)
        #expect(second.merged == 1)
        #expect(second.memories[0].id == first.memories[0].id)
        #expect(second.memories[0].confidence > 0.7)
        #expect(try recall.listMemories(MemoryListRequest()).total == 1)
    }

    @Test func contentUpdateSupersedesAndKeepsHistory() throws {
        let recall = Recall.testStore(clock: clock.now)
        let old = try recall.addMemory(
            AddMemoryRequest(content: "The user likes Chinese food.", memoryType: .preference)
        ).memories[0]
        let new = try recall.updateMemory(MemoryUpdate(id: old.id, content: "The user hates Chinese food."))
        #expect(new.id != old.id)
        #expect(new.supersedes == old.id)
        #expect(try recall.memory(id: old.id).supersededBy == new.id)
        #expect(try recall.listMemories(MemoryListRequest()).memories.map(\.id) == [new.id])
        #expect(try recall.listMemories(MemoryListRequest(includeSuperseded: true)).total == 2)
        #expect(throws: RecallError.self) { try recall.updateMemory(MemoryUpdate(id: old.id, content: "again")) }
        let pinned = try recall.updateMemory(MemoryUpdate(id: new.id, pinned: true))
        #expect(pinned.id == new.id && pinned.pinned)
    }

    @Test func forgettingAMemoryForgetsItsHistoryButNotOthers() throws {
        let recall = Recall.testStore(clock: clock.now)
        let first = try recall.addMemory(AddMemoryRequest(content: "The user lives in Oslo.")).memories[0]
        let other = try recall.addMemory(AddMemoryRequest(content: "The user plays cello.")).memories[0]
        let second = try recall.updateMemory(MemoryUpdate(id: first.id, content: "The user lives in Bergen."))
        let third = try recall.updateMemory(MemoryUpdate(id: second.id, content: "The user lives in Tromsø."))
        let result = try recall.forget(ForgetRequest(memoryIDs: [third.id]))
        #expect(Set(result.memoryIDs) == [first.id, second.id, third.id])
        #expect(try recall.listMemories(MemoryListRequest(includeSuperseded: true)).memories.map(\.id) == [other.id])
    }

    @Test func cursorStaysStableWhileMemoriesArrive() throws {
        let recall = Recall.testStore(clock: clock.now)
        for index in 0..<5 {
            _ = try recall.addMemory(AddMemoryRequest(content: "Memory number \(index) about gardening."))
        }
        let first = try recall.listMemories(MemoryListRequest(limit: 2))
        _ = try recall.addMemory(AddMemoryRequest(content: "A newer memory arrives."))
        let second = try recall.listMemories(MemoryListRequest(limit: 2, cursor: first.nextCursor))
        let third = try recall.listMemories(MemoryListRequest(limit: 2, cursor: second.nextCursor))
        let seen = (first.memories + second.memories + third.memories).map(\.content)
        #expect(seen == (0..<5).reversed().map { "Memory number \($0) about gardening." })
        #expect(third.nextCursor == nil)
        let oldest = try recall.listMemories(MemoryListRequest(limit: 1, order: .oldest))
        #expect(oldest.memories[0].content == "Memory number 0 about gardening.")
    }

    @Test func namespacesNeverLeak() throws {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.addMemory(AddMemoryRequest(content: "Ana's secret recipe uses saffron.", userID: "ana"))
        _ = try recall.addMemory(AddMemoryRequest(content: "Ben likes saffron too.", userID: "ben"))
        #expect(
            try recall.listMemories(MemoryListRequest(userID: "ana")).memories.map(\.content) == [
                "Ana's secret recipe uses saffron."
            ])
        #expect(
            try recall.search(SearchRequest(query: "saffron", filters: SearchFilters(userID: "ben"))).results.count == 1
        )
        #expect(try recall.search(SearchRequest(query: "saffron")).results.isEmpty)
        // The same text in two namespaces is two memories, not a merge.
        _ = try recall.addMemory(AddMemoryRequest(content: "Ben likes saffron too.", userID: "ana"))
        #expect(try recall.listMemories(MemoryListRequest(userID: "ana")).total == 2)
    }

    @Test func messagesAreExtractedOrKeptVerbatim() throws {
        let recall = Recall.testStore(clock: clock.now)
        let extracted = try recall.addMemory(
            AddMemoryRequest(messages: [
                ChatTurn(role: "user", content: "I love TypeScript. Can you help me with generics?"),
                ChatTurn(role: "assistant", content: "I love helping with generics."),
            ]))
        #expect(extracted.memories.map(\.content) == ["The user loves TypeScript."])
        #expect(extracted.memories[0].type == .preference)
        let verbatim = try recall.addMemory(
            AddMemoryRequest(messages: [ChatTurn(role: "assistant", content: "Use a bigger pot.")], extract: false))
        #expect(verbatim.memories[0].owner == "assistant")
        #expect(verbatim.memories[0].content == "Use a bigger pot.")
    }

    @Test func invalidArgumentsNameTheField() {
        let recall = Recall.testStore(clock: clock.now)
        for (request, field) in [
            (AddMemoryRequest(), "content"), (AddMemoryRequest(content: "   "), "content"),
            (AddMemoryRequest(content: "x", latitude: 91), "latitude"),
            (AddMemoryRequest(content: "x", messages: []), "messages"),
        ] {
            do {
                _ = try recall.addMemory(request)
                Issue.record("expected an error for \(field)")
            } catch let error as RecallError {
                #expect(error.fieldErrors[field] != nil, "\(error.message)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}
