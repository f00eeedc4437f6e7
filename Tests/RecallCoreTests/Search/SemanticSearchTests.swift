import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

/// Search by meaning through RecallCore, with concept vectors standing in for the models.
@Suite(.eachStore) struct SemanticSearchTests {
    let clock = TestClock()

    private func store(
        _ texts: [String], semantic: SemanticSearch = .concepts, bucket: String? = nil, chat: String = "c1"
    ) throws -> Recall {
        let recall = Recall.testStore(clock: clock.now, semantic: semantic)
        try importTurns(texts, into: recall, bucket: bucket, chat: chat)
        return recall
    }

    private func importTurns(_ texts: [String], into recall: Recall, bucket: String? = nil, chat: String = "c1") throws
    {
        let messages = texts.enumerated().map { index, text in
            ParsedMessage(
                sourceID: "\(chat)-m\(index)", role: index.isMultiple(of: 2) ? .user : .assistant, text: text,
                activePosition: index)
        }
        _ = try recall.importConversations(
            [ParsedConversation(platform: .claude, sourceID: chat, title: "Chat", messages: messages)], label: "test",
            bucket: bucket)
    }

    @Test func aMemoryWordedDifferentlyIsFoundByMeaning() throws {
        let recall = Recall.testStore(clock: clock.now, semantic: .concepts)
        _ = try recall.addMemory(AddMemoryRequest(content: "The user is vegetarian."))
        _ = try recall.addMemory(AddMemoryRequest(content: "The user plays the guitar."))
        let hits = try recall.search(SearchRequest(query: "what does the user eat?", scope: .memories)).results
        #expect(hits.first?.content == "The user is vegetarian.")
        // "user" is a word of every memory; what lifts this one is its meaning.
        #expect(hits.first?.matchedBy?.contains(.meaning) == true)
        #expect(hits.dropFirst().allSatisfy { $0.matchedBy == [.keyword] })
        let lexical = Recall.testStore(clock: clock.now, semantic: .off)
        _ = try lexical.addMemory(AddMemoryRequest(content: "The user is vegetarian."))
        #expect(
            try lexical.search(SearchRequest(query: "what does the user eat?", scope: .memories)).results.allSatisfy {
                $0.content != "The user is vegetarian." || $0.matchedBy == [.keyword]
            })
    }

    @Test func aSavedMemoryOutranksLooselyRelatedTurns() throws {
        let recall = try store([
            "Living organisms are made of cells.", "Yes, every living thing has cells.",
            "Biology says a living cell divides.", "And organisms live in many places.",
        ])
        _ = try recall.addMemory(AddMemoryRequest(content: "The user lives in Bergen."))
        let hits = try recall.search(SearchRequest(query: "where do I live")).results
        #expect(hits.first?.kind == .memory)
        #expect(hits.first?.content == "The user lives in Bergen.")
        #expect(hits.first?.matchedBy == [.keyword, .meaning])
    }

    @Test func anExactWordStillWinsOverMeaning() throws {
        let recall = try store([
            "We deploy to production on Fridays.", "The release train leaves at noon.",
            "Ticket RCL-4821 tracks the server outage.",
        ])
        let hits = try recall.search(SearchRequest(query: "RCL-4821 server", scope: .messages)).results
        #expect(hits.first?.sourceMessageID == "c1-m2")
        #expect(hits.first?.matchedBy?.contains(.keyword) == true)
    }

    @Test func turnsAreFoundByMeaningWithinTheFilters() throws {
        let recall = try store(["My puppy chewed the sofa.", "Dogs do that."], bucket: "home")
        try importTurns(["The retriever ate my homework.", "Classic."], into: recall, bucket: "school", chat: "c2")
        let home = try recall.search(
            SearchRequest(query: "pet trouble", scope: .messages, filters: SearchFilters(bucket: "home"))
        ).results
        #expect(home.compactMap(\.sourceMessageID).first == "c1-m0")
        #expect(home.allSatisfy { $0.chatTitle == "Chat" && $0.sourceMessageID?.hasPrefix("c1-") == true })
        #expect(home.first?.matchedBy == [.meaning])
    }

    @Test func memoriesOfAnotherUserOrSupersededAreNotFoundByMeaning() throws {
        let recall = Recall.testStore(clock: clock.now, semantic: .concepts)
        _ = try recall.addMemory(AddMemoryRequest(content: "The user is vegetarian.", userID: "someone-else"))
        let old = try recall.addMemory(AddMemoryRequest(content: "The user owns a retriever.")).memories[0]
        _ = try recall.updateMemory(MemoryUpdate(id: old.id, content: "The user owns a dachshund."))
        #expect(try recall.search(SearchRequest(query: "diet", scope: .memories)).results.isEmpty)
        #expect(try recall.search(SearchRequest(query: "pet", scope: .memories)).results.allSatisfy { $0.id != old.id })
    }

    @Test func aForgottenMemoryIsNotFoundByMeaning() throws {
        let recall = Recall.testStore(clock: clock.now, semantic: .concepts)
        let memory = try recall.addMemory(AddMemoryRequest(content: "The user is vegetarian.")).memories[0]
        #expect(try recall.search(SearchRequest(query: "diet", scope: .memories)).results.map(\.id) == [memory.id])
        _ = try recall.forget(ForgetRequest(memoryIDs: [memory.id]))
        #expect(try recall.search(SearchRequest(query: "diet", scope: .memories)).results.isEmpty)
    }

    @Test func reindexGivesAStoreWrittenWithoutMeaningItsVectors() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("semantic-\(UUID().uuidString).sqlite")
            .path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let lexical = Recall(location: .file(path), clock: clock.now, semantic: .off)
        try importTurns(["My puppy chewed the sofa.", "Dogs do that."], into: lexical)
        _ = try lexical.addMemory(AddMemoryRequest(content: "The user is vegetarian."))
        let semantic = Recall(location: .file(path), clock: clock.now, semantic: .concepts)
        #expect(try semantic.search(SearchRequest(query: "pet", scope: .messages)).results.isEmpty)
        let summary = try semantic.reindex()
        #expect(summary.messagesEmbedded == 2)
        #expect(summary.memoryVectorsEmbedded == 1)
        #expect(summary.messagesWithVectors == summary.messages)
        #expect(try semantic.reindex().messagesEmbedded == 0, "a second run finds nothing left to do")
        #expect(
            try semantic.search(SearchRequest(query: "pet", scope: .messages)).results.first?.sourceMessageID == "c1-m0"
        )
        #expect(try semantic.search(SearchRequest(query: "diet", scope: .memories)).results.count == 1)
    }

    @Test func anotherProcessesVectorsAreSeenOnTheNextSearch() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("semantic-\(UUID().uuidString).sqlite")
            .path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let reader = Recall(location: .file(path), clock: clock.now, semantic: .concepts)
        let writer = Recall(location: .file(path), clock: clock.now, semantic: .concepts)
        _ = try writer.addMemory(AddMemoryRequest(content: "The user plays the guitar."))
        #expect(try reader.search(SearchRequest(query: "music", scope: .memories)).results.count == 1)
        _ = try writer.addMemory(AddMemoryRequest(content: "The user is vegetarian."))
        #expect(
            try reader.search(SearchRequest(query: "diet", scope: .memories)).results.first?.content
                == "The user is vegetarian.")
    }

    @Test func textWithNothingToEncodeIsSkippedAndSearchStillAnswers() throws {
        let recall = try store([
            "", "!!!", "🙂🙂", String(repeating: "guitar ", count: 150_000), "\u{0007}\u{0000}control",
        ])
        let hits = try recall.search(SearchRequest(query: "music", scope: .messages)).results
        #expect(hits.first?.sourceMessageID == "c1-m3")
        #expect(try recall.search(SearchRequest(query: "!!!", scope: .messages)).results.count <= 10)
    }

    @Test func meaningOffKeepsTheWordRanking() throws {
        let texts = ["We deploy on Fridays.", "The guitar is out of tune.", "Deploy again after lunch."]
        let off = try store(texts, semantic: .off)
        let hits = try off.search(SearchRequest(query: "deploy", scope: .messages)).results
        // The two turns that say it come first; their neighbour follows through the window.
        #expect(Set(hits.prefix(2).compactMap(\.sourceMessageID)) == ["c1-m0", "c1-m2"])
        #expect(hits.allSatisfy { $0.matchedBy == [.keyword] })
        #expect(try off.search(SearchRequest(query: "production", scope: .messages)).results.isEmpty)
    }
}
