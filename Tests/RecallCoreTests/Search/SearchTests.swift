import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

@Suite(.eachStore) struct SearchTests {
    let clock = TestClock()

    private func seeded() throws -> Recall {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.database().upsert(Conversations.branched(), importID: nil, bucket: nil)
        _ = try recall.database().upsert(Conversations.withAttachment(), importID: nil, bucket: "money")
        _ = try recall.addMemory(
            AddMemoryRequest(content: "The user is planning a trip to Kyoto.", tags: ["travel"], memoryType: .goal))
        return recall
    }

    @Test(arguments: [
        "When should I visit Kyoto?", "\"unbalanced", "Kyoto AND", "OR", "NEAR(kyoto", "kyoto*", "*", "",
        "-kyoto", "kyoto-autumn", "🗾 kyoto", "'; DROP TABLE messages; --", "((", "^kyoto", "col:kyoto", "+", "\\",
    ])
    func anyStringIsAValidQuery(_ query: String) throws {
        let recall = try seeded()
        _ = try recall.search(SearchRequest(query: query))
    }

    @Test func termsAreOredAndRankedSoQuestionsFindAnswers() throws {
        let recall = try seeded()
        // "november" appears nowhere: an implicit AND would find nothing.
        let page = try recall.search(
            SearchRequest(query: "What season is best for Kyoto in November?", scope: .messages))
        #expect(page.results.first?.sourceMessageID == "a2" || page.results.first?.sourceMessageID == "u2")
        #expect(page.results.contains { $0.snippet.contains("**Kyoto**") })
    }

    @Test func hiddenAndOffBranchMessagesAreNotSearchedButAttachmentsAre() throws {
        let recall = try seeded()
        // Only words a hidden or off-branch message holds: no message is found. By meaning,
        // "itineraries" rightly finds the memory of a trip to Kyoto, and only by meaning; any
        // memory that comes up for "okonomiyaki" does so by meaning alone.
        #expect(
            try recall.search(SearchRequest(query: "okonomiyaki")).results.allSatisfy {
                $0.kind == .memory && $0.matchedBy == [.meaning]
            })
        #expect(try recall.search(SearchRequest(query: "okonomiyaki", scope: .messages)).results.isEmpty)
        #expect(
            try recall.search(SearchRequest(query: "itineraries")).results.allSatisfy {
                $0.kind == .memory && $0.matchedBy == [.meaning]
            })
        #expect(try recall.search(SearchRequest(query: "itineraries", scope: .messages)).results.isEmpty)
        let hits = try recall.search(SearchRequest(query: "zebrafish")).results
        // The matching turn first, then its neighbour, which often holds the answer.
        #expect(hits.map(\.sourceMessageID) == ["c1", "c2"])
        #expect(hits[0].snippet.contains("**zebrafish**"))
        #expect(hits[0].score > hits[1].score)
        #expect(hits[0].chatTitle == "Tax questions")
        #expect(hits[0].platform == .claude)
    }

    @Test func filtersNarrow() throws {
        let recall = try seeded()
        #expect(
            try recall.search(SearchRequest(query: "expenses", filters: SearchFilters(platform: .chatgpt))).results
                .isEmpty)
        #expect(
            try recall.search(SearchRequest(query: "expenses", filters: SearchFilters(bucket: "money"))).results.count
                == 2)
        let memories = try recall.search(SearchRequest(query: "Kyoto", filters: SearchFilters(memoryType: .goal)))
            .results
        #expect(memories.map(\.kind) == [.memory])
        #expect(memories[0].tags == ["travel"])
        #expect(
            try recall.search(
                SearchRequest(query: "Kyoto", scope: .memories, filters: SearchFilters(userID: "someone-else"))
            ).results.isEmpty)
        let later = try recall.search(
            SearchRequest(query: "Kyoto", scope: .messages, filters: SearchFilters(dateFrom: Conversations.date(1))))
        #expect(later.results.allSatisfy { ($0.createdAt ?? .distantPast) >= Conversations.date(1) })
    }

    @Test func pagesOfEquallyGoodHitsNeitherRepeatNorSkip() throws {
        let recall = Recall.testStore(clock: clock.now)
        // Sixty turns that match "bees" equally well: ties must be cut the same way at every depth.
        let messages = (0..<60).map { index in
            ParsedMessage(
                sourceID: "m\(index)", parentSourceID: index == 0 ? nil : "m\(index - 1)",
                role: index.isMultiple(of: 2) ? .user : .assistant,
                text: "Bees number \(index) hum.", createdAt: Conversations.date(0), activePosition: index)
        }
        let chat = ParsedConversation(
            platform: .chatgpt, sourceID: "bees", title: "Hive", createdAt: Conversations.date(0),
            updatedAt: Conversations.date(0), messages: messages)
        _ = try recall.database().upsert(chat, importID: nil, bucket: nil)
        var seen: [String] = []
        var cursor: String?
        repeat {
            let page = try recall.search(SearchRequest(query: "bees", scope: .messages, limit: 25, cursor: cursor))
            seen += page.results.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil
        #expect(seen.count == 60)
        #expect(Set(seen).count == 60)
    }

    @Test func pagesWithACursorWithoutRepeats() throws {
        let recall = try seeded()
        let first = try recall.search(SearchRequest(query: "*", limit: 2))
        #expect(first.results.count == 2)
        let cursor = try #require(first.nextCursor)
        let second = try recall.search(SearchRequest(query: "*", limit: 2, cursor: cursor))
        #expect(Set(first.results.map(\.id)).isDisjoint(with: second.results.map(\.id)))
        #expect(throws: RecallError.self) { try recall.search(SearchRequest(query: "x", cursor: "not-a-cursor")) }
        #expect(throws: RecallError.self) { try recall.search(SearchRequest(query: "x", limit: 0)) }
    }

    @Test func aVeryCommonWordIsScoredOnItsNewestMatches() throws {
        let recall = Recall.testStore(clock: clock.now)
        let messages = (0..<6).map { (index: Int) in
            ParsedMessage(sourceID: "m\(index)", role: .user, text: "kiwi number \(index)", activePosition: index)
        }
        _ = try recall.importConversations(
            [ParsedConversation(platform: .claude, sourceID: "c1", title: "Fruit", messages: messages)], label: "test")
        let database = try recall.database()
        let all = try database.messageTermScores(.word("kiwi"), filters: SearchFilters(), limit: 10, scanLimit: 100)
        #expect(all.keys.map(\.position).sorted() == [0, 1, 2, 3, 4, 5])
        let newest = try database.messageTermScores(.word("kiwi"), filters: SearchFilters(), limit: 10, scanLimit: 3)
        #expect(newest.keys.map(\.position).sorted() == [3, 4, 5])
        let best = try database.messageTermScores(.word("kiwi"), filters: SearchFilters(), limit: 2, scanLimit: 3)
        #expect(best.count == 2)
    }

    @Test func turnFactsReadTheSpeakerAndTimeOfEachPlace() throws {
        let recall = Recall.testStore(clock: clock.now)
        let messages = (0..<3).map { (index: Int) in
            ParsedMessage(
                sourceID: "m\(index)", role: .user, text: "turn \(index)", activePosition: index, author: "Ana \(index)"
            )
        }
        _ = try recall.importConversations(
            [ParsedConversation(platform: .claude, sourceID: "c1", title: "Talk", messages: messages)], label: "test")
        let database = try recall.database()
        let chat = try #require(
            try database.messageTermScores(.word("turn"), filters: SearchFilters(), limit: 10, scanLimit: 10).keys
                .first?.chatID)
        let facts = try database.turnFacts(at: [
            MessageKey(chatID: chat, position: 2), MessageKey(chatID: chat, position: 0),
            MessageKey(chatID: chat, position: 9),
        ])
        #expect(facts.count == 2)
        #expect(facts[MessageKey(chatID: chat, position: 2)]?.author == "Ana 2")
        #expect(facts[MessageKey(chatID: chat, position: 0)]?.author == "Ana 0")
    }
}
