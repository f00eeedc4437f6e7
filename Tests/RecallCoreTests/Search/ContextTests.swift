import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

@Suite(.eachStore) struct ContextTests {
    let clock = TestClock()

    private func seeded() throws -> Recall {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.database().upsert(Conversations.branched(), importID: nil, bucket: nil)
        _ = try recall.addMemory(AddMemoryRequest(content: "The user is planning a trip to Kyoto."))
        return recall
    }

    @Test(arguments: [50, 80, 120, 400, 2000])
    func staysWithinItsBudget(_ budget: Int) throws {
        let block = try seeded().context(ContextRequest(query: "Kyoto trip", maxTokens: budget))
        #expect(block.tokens <= budget)
        #expect(TokenEstimate.tokens(in: block.context) == block.tokens)
    }

    @Test func memoriesComeFirstThenCitedExcerptsWithNeighbours() throws {
        let block = try seeded().context(ContextRequest(query: "Kyoto trip", maxTokens: 2000))
        let memoryLine = try #require(block.context.range(of: "The user is planning a trip to Kyoto."))
        let excerpt = try #require(block.context.range(of: "When should I visit Kyoto?"))
        #expect(memoryLine.lowerBound < excerpt.lowerBound)
        // The answer after the question is quoted as its neighbour, in the same excerpt.
        #expect(block.context.contains("Kyoto in autumn is lovely"))
        let cited = try #require(block.citations.first { $0.kind == .message })
        #expect(cited.chatTitle == "Trip planning")
        #expect(cited.messageIDs.count >= 2)
        #expect(block.citations.map(\.ref) == Array(1...block.citations.count))
    }

    @Test func aMemoryLongerThanTheBudgetIsCutToFitAndCited() throws {
        let recall = Recall.testStore(clock: clock.now)
        let notes = "Kyoto itinerary notes:\n" + String(repeating: "temple garden walk, ", count: 400)
        let memory = try recall.addMemory(AddMemoryRequest(content: notes)).memories[0]
        let block = try recall.context(ContextRequest(query: "Kyoto itinerary", maxTokens: 300))
        #expect(block.tokens <= 300)
        #expect(block.context.hasPrefix("Memories:\n- Kyoto itinerary notes: temple garden walk"))
        #expect(block.context.contains("… [1]\n"))
        #expect(block.citations.first?.memoryID == memory.id)
    }

    @Test func isDeterministic() throws {
        let recall = try seeded()
        let first = try recall.context(ContextRequest(query: "Kyoto hiking Lisbon", maxTokens: 300))
        let second = try recall.context(ContextRequest(query: "Kyoto hiking Lisbon", maxTokens: 300))
        #expect(first == second)
    }

    @Test func estimatesCJKAsOneTokenPerCharacter() {
        #expect(TokenEstimate.tokens(in: "abcd") == 1)
        #expect(TokenEstimate.tokens(in: "abcde") == 2)
        #expect(TokenEstimate.tokens(in: "我喜欢") == 3)
    }
}
