import Foundation
import Testing

@testable import RecallCore

/// Extraction reads the same inputs and stores candidates (or dry-runs them) with the same
/// outcomes on the PostgreSQL store as on the SQLite store.
@Suite(.enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.why))
struct PostgresStoreExtractionTests {
    typealias Pair = MemoryStorePair

    static func candidate(_ content: String, chat: String = "chat_1", message: String? = "msg_1", bucket: String? = nil)
        -> MemoryCandidate
    {
        var candidate = MemoryCandidate(
            content: content, type: .fact, confidence: 0.8,
            source: MemorySource(chatID: chat, messageID: message))
        candidate.bucket = bucket
        return candidate
    }

    static let batches: [[MemoryCandidate]] = [
        [
            candidate("The user lives in Oslo."),
            candidate("The user works on Recall.", chat: "chat_2", message: "msg_4"),
        ],
        [candidate("The user lives in Oslo."), candidate("The user lives in Bergen.", message: "msg_2")],
        [candidate("The user lives in Oslo.", message: "msg_2", bucket: "work")],
    ]

    @Test func inputsGroupsAndChatIDsReadAlike() throws {
        let pair = try Pair()
        defer { pair.close() }
        #expect(
            try pair.postgres.extractionInputs(chatIDs: [1, 2, 9]) == pair.sqlite.extractionInputs(chatIDs: [1, 2, 9]))
        #expect(try pair.postgres.extractionInputs(chatIDs: [1]).count == 2)
        for limit in [1, 2, 3] {
            let sqlite = try pair.sqlite.extractionGroups([1, 2, 9], messages: limit)
            let postgres = try pair.postgres.extractionGroups([1, 2, 9], messages: limit)
            #expect(postgres.groups == sqlite.groups && postgres.messages == sqlite.messages)
        }
        #expect(try pair.postgres.chatRowIDs(["chat_2", "chat_1"], field: "chat_ids") == [2, 1])
        for ids in [["chat_1", "chat_9"], ["bad"]] {
            #expect(
                failure { try pair.postgres.chatRowIDs(ids, field: "chat_ids") }
                    == failure { try pair.sqlite.chatRowIDs(ids, field: "chat_ids") })
        }
        let other = pair.postgres.acting(as: "someone") as? PostgresStore
        #expect(try other?.extractionInputs(chatIDs: [1]) == [])
        #expect(failure { try other?.chatRowIDs(["chat_1"], field: "chat_ids") } != nil)
    }

    @Test func storingAndDryRunsGiveTheSameOutcomes() throws {
        let pair = try Pair()
        defer { pair.close() }
        // A dry run reports without storing.
        let sqliteDry = try pair.sqlite.store(
            Self.batches[0], userID: "default", now: Pair.now(0), dryRun: true, describing: 9)
        let postgresDry = try pair.postgres.store(
            Self.batches[0], userID: "default", now: Pair.now(0), dryRun: true, describing: 9)
        #expect(postgresDry.outcomes == sqliteDry.outcomes && postgresDry.memories == sqliteDry.memories)
        #expect(try pair.postgres.listMemories(MemoryListRequest()).total == 0)
        // A scratch sees its own earlier batches, and leaves the store as it was.
        let sqliteScratch = try pair.sqlite.dryRunScratch()
        let postgresScratch = try pair.postgres.dryRunScratch()
        for (step, batch) in Self.batches.enumerated() {
            let sqlite = try sqliteScratch.store(batch, userID: "default", now: Pair.now(step), describing: 1)
            let postgres = try postgresScratch.store(batch, userID: "default", now: Pair.now(step), describing: 1)
            #expect(postgres.outcomes == sqlite.outcomes, "step \(step)")
            #expect(postgres.memories == sqlite.memories, "step \(step)")
        }
        #expect(try pair.postgres.listMemories(MemoryListRequest()).total == 0)
        // Storing for real gives what the dry runs said.
        for (step, batch) in Self.batches.enumerated() {
            let sqlite = try pair.sqlite.store(
                batch, userID: "default", now: Pair.now(step), dryRun: false, describing: 9)
            let postgres = try pair.postgres.store(
                batch, userID: "default", now: Pair.now(step), dryRun: false, describing: 9)
            #expect(postgres.outcomes == sqlite.outcomes, "step \(step)")
            #expect(postgres.memories == sqlite.memories, "step \(step)")
        }
        let all = MemoryListRequest(includeSuperseded: true)
        #expect(try pair.postgres.listMemories(all) == pair.sqlite.listMemories(all))
        #expect(try pair.postgres.listMemories(all).total == 4)
    }
}
