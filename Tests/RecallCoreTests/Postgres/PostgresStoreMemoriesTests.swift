import Foundation
import PostgresNIO
import Testing

@testable import RecallCore

/// The PostgreSQL store keeps memories by the same rules as the SQLite store: the same outcomes
/// and the same memories for the same sequence of writes.
@Suite(.enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.why))
struct PostgresStoreMemoriesTests {
    typealias Pair = MemoryStorePair

    /// Duplicates, known evidence, a contradiction superseding, an older one going into history,
    /// a gist duplicate, another bucket, a memory with no source.
    static let sequence: [[MemoryDraft]] = [
        [Pair.draft("The user lives in Oslo.", day: 10, tags: ["home"])],
        [Pair.draft("The user lives in Oslo!", day: 11, message: 2, tags: ["city"])],
        [Pair.draft("The user lives in Oslo.", day: 10)],
        [Pair.draft("The user lives in Bergen.", day: 30)],
        [Pair.draft("The user lives in Trondheim.", day: 20, message: 2)],
        [Pair.draft("The user lives in Oslo.", day: 12, chat: 2, message: 4, bucket: "work")],
        [
            Pair.draft("The user likes Chinese food.", chat: nil),
            Pair.draft("The user loves Chinese food.", chat: nil),
            Pair.draft("The user hates Chinese food.", chat: 1, message: 2),
        ],
    ]

    @Test func theMemoryRulesGiveTheSameOutcomesAndMemories() throws {
        let pair = try Pair()
        defer { pair.close() }
        var outcomes: [MemoryInsertOutcome] = []
        for (step, drafts) in Self.sequence.enumerated() {
            let sqlite = try pair.sqlite.addMemories(drafts, now: Pair.now(step))
            let postgres = try pair.postgres.addMemories(drafts, now: Pair.now(step))
            #expect(postgres.outcomes == sqlite.outcomes, "step \(step)")
            #expect(postgres.memories == sqlite.memories, "step \(step)")
            outcomes += postgres.outcomes
        }
        // The sequence does exercise every rule.
        #expect(outcomes.contains { if case .known = $0 { true } else { false } })
        #expect(outcomes.contains { if case .merged = $0 { true } else { false } })
        #expect(outcomes.contains { if case .superseded = $0 { true } else { false } })
        #expect(outcomes.contains { if case .history = $0 { true } else { false } })
        for id in 1...12 {
            let memoryID = PublicID.memory.string(Int64(id))
            #expect(
                failure { try pair.postgres.memory(id: memoryID) } == failure { try pair.sqlite.memory(id: memoryID) })
            if let memory = try? pair.sqlite.memory(id: memoryID) {
                #expect(try pair.postgres.memory(id: memoryID) == memory)
            }
        }
        #expect(failure { try pair.postgres.memory(id: "nope") } == failure { try pair.sqlite.memory(id: "nope") })
        // Every write kept the word index and bm25's collection figures in step with the rows.
        let (documents, words, rows, length, oslo) = try pair.postgres.read { connection in
            try connection.run(
                """
                SELECT s.documents, s.words, (SELECT COUNT(*) FROM memories), (SELECT SUM(word_count) FROM memories),
                (SELECT COUNT(*) FROM memories WHERE words @@ plainto_tsquery('recall_words', 'oslo'))
                FROM word_stats s WHERE kind = 'memories'
                """
            ).rows[0].decode((Int64, Int64, Int64, Int64, Int64).self)
        }
        #expect(documents == rows && words == length && oslo == 2)
        let merged = try pair.postgres.memory(id: "mem_1")
        #expect(merged.extraSources?.count == 1 && merged.tags == ["city", "home"] && merged.confidence > 0.7)
    }

    @Test func listsPageAndFilterAlike() throws {
        let pair = try Pair()
        defer { pair.close() }
        for (step, drafts) in Self.sequence.enumerated() {
            _ = try pair.sqlite.addMemories(drafts, now: Pair.now(step))
            _ = try pair.postgres.addMemories(drafts, now: Pair.now(step))
        }
        let requests = [
            MemoryListRequest(limit: 2),
            MemoryListRequest(limit: 3, order: .oldest, includeSuperseded: true),
            MemoryListRequest(bucket: "work"),
            MemoryListRequest(tags: ["home"], includeSuperseded: true),
            MemoryListRequest(minConfidence: 0.74, includeSuperseded: true),
            MemoryListRequest(memoryType: .preference),
            MemoryListRequest(since: Pair.now(3), until: Pair.now(5), includeSuperseded: true),
            MemoryListRequest(userID: "someone else"),
        ]
        for request in requests {
            var request = request
            var pages = 0
            while true {
                let sqlite = try pair.sqlite.listMemories(request)
                let postgres = try pair.postgres.listMemories(request)
                #expect(postgres == sqlite, "\(request)")
                pages += 1
                guard let next = sqlite.nextCursor, pages < 10 else { break }
                request.cursor = next
            }
        }
        var bad = MemoryListRequest()
        bad.cursor = "garbage"
        #expect(failure { try pair.postgres.listMemories(bad) } == failure { try pair.sqlite.listMemories(bad) })
    }

    @Test func updatesChangeOrSupersedeAlike() throws {
        let pair = try Pair()
        defer { pair.close() }
        let drafts = [Pair.draft("The user drinks tea.", tags: ["drink"]), Pair.draft("The user owns a bike.")]
        _ = try pair.sqlite.addMemories(drafts, now: Pair.now(0))
        _ = try pair.postgres.addMemories(drafts, now: Pair.now(0))
        let updates = [
            MemoryUpdate(id: "mem_1", content: "The user drinks coffee.", tags: ["morning"]),
            MemoryUpdate(id: "mem_2", bucket: "home", pinned: true, confidence: 2, metadata: ["k": .string("v")]),
            MemoryUpdate(id: "mem_1", content: "again"),
            MemoryUpdate(id: "mem_9"),
            MemoryUpdate(id: "x_1"),
        ]
        for (step, update) in updates.enumerated() {
            let now = Pair.now(step + 1)
            let sqlite = Result { try pair.sqlite.updateMemory(update, now: now) }
            let postgres = Result { try pair.postgres.updateMemory(update, now: now) }
            #expect((try? postgres.get()) == (try? sqlite.get()), "\(update)")
            #expect(failure { try postgres.get() } == failure { try sqlite.get() }, "\(update)")
        }
        let all = MemoryListRequest(includeSuperseded: true)
        #expect(try pair.postgres.listMemories(all) == pair.sqlite.listMemories(all))
        #expect(try pair.postgres.memory(id: "mem_3").supersedes == "mem_1")
    }
}
