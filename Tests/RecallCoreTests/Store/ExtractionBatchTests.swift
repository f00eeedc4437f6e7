import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

/// Extraction over many messages reads and stores a batch at a time: what it found is
/// committed (and readable) before it ends, memory stays flat, and a dry run over several
/// batches still reports exactly what storing would do.
@Suite(.eachStore) struct ExtractionBatchTests {
    let clock = TestClock()

    /// Two chats too long to share a batch, each stating the same facts once among filler turns.
    private func recallWithTwoLongChats(bucket: String? = nil) throws -> (Recall, importID: String) {
        let recall = Recall.testStore(clock: clock.now)
        let filler = (0..<1_199).map { "Turn \($0) about the weather and nothing else." }
        let summary = try recall.importConversations(
            [
                Chats.said(["I live in Oslo."] + filler, day: 1, id: "a"),
                Chats.said(filler + ["I live in Oslo."], day: 2, id: "b"),
            ],
            label: "two long chats", bucket: bucket)
        return (recall, try #require(summary.importID))
    }

    @Test func eachBatchIsCommittedAndReportedBeforeTheNextIsRead() throws {
        let (recall, importID) = try recallWithTwoLongChats()
        var reports: [ExtractProgress] = []
        var storedWhenReported: [Int] = []
        let result = try recall.extractMemories(ExtractRequest(importID: importID)) { progress in
            reports.append(progress)
            storedWhenReported.append(try recall.listMemories(MemoryListRequest(includeSuperseded: true)).total)
        }
        #expect(reports.map(\.messagesScanned) == [1_200, 2_400])
        #expect(reports.allSatisfy { $0.totalMessages == 2_400 })
        #expect(storedWhenReported == [1, 1], "the first batch's memory is readable while the run goes on")
        #expect(result.messagesScanned == 2_400 && result.candidatesFound == 2)
        #expect(result.candidates.map(\.outcome) == [.new, .duplicate])
        #expect(result.added == 1 && result.merged == 1)
    }

    @Test func aDryRunOverSeveralBatchesCountsItsOwnFindingsAndStoresNothing() throws {
        let (recall, importID) = try recallWithTwoLongChats()
        let preview = try recall.extractMemories(ExtractRequest(importID: importID, dryRun: true))
        #expect(preview.candidates.map(\.outcome) == [.new, .duplicate])
        #expect(preview.added == 1 && preview.merged == 1 && preview.memories.isEmpty)
        #expect(try recall.stats().memories == 0)
        let stored = try recall.extractMemories(ExtractRequest(importID: importID))
        #expect(stored.candidates.map(\.outcome) == preview.candidates.map(\.outcome))
        #expect((stored.added, stored.merged) == (preview.added, preview.merged))
    }

    @Test func progressThatThrowsStopsTheRunAndKeepsWhatWasStored() throws {
        let (recall, importID) = try recallWithTwoLongChats()
        #expect(throws: CancellationError.self) {
            try recall.extractMemories(ExtractRequest(importID: importID)) { _ in throw CancellationError() }
        }
        #expect(try recall.stats().memories == 1)
    }

    @Test func badTextFailsTheCallBeforeAnyBatchIsStored() throws {
        let (recall, importID) = try recallWithTwoLongChats()
        #expect(throws: RecallError.self) {
            try recall.extractMemories(ExtractRequest(importID: importID, text: "I live in Rome.\u{0}"))
        }
        #expect(try recall.stats().memories == 0)
    }

    @Test func theResultListsTheFirstCandidatesAndCountsThemAll() throws {
        let recall = Recall.testStore(clock: clock.now)
        let said = ["I love tea.", "I play chess.", "I live in Oslo.", "I work at a bakery."]
        let summary = try recall.importConversations([Chats.said(said, day: 1, id: "a")], label: "four facts")
        let result = try recall.extractMemories(ExtractRequest(importID: summary.importID, listLimit: 2))
        #expect(result.candidatesFound == 4 && result.added == 4)
        #expect(result.candidates.count == 2 && result.memories.count == 2)
        #expect(result.note?.contains("first 2 of 4") == true)
        #expect(
            try recall.extractMemories(ExtractRequest(importID: summary.importID, listLimit: nil)).candidates.count == 4
        )
    }

    @Test func extractedMemoriesTakeTheirChatsBucket() throws {
        let (recall, importID) = try recallWithTwoLongChats(bucket: "work")
        let result = try recall.extractMemories(ExtractRequest(importID: importID))
        #expect(result.candidates.allSatisfy { $0.bucket == "work" })
        #expect(try recall.listMemories(MemoryListRequest(bucket: "work")).total == 1)
    }

    @Test func importWithExtractPutsMemoriesInTheImportsBucket() throws {
        let recall = Recall.testStore(clock: clock.now)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-bucket-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("chat.md")
        try Data("User: I live in Oslo.\nAssistant: Noted.\nUser: I love jazz.\nAssistant: Nice.\n".utf8).write(
            to: file)
        let summary = try recall.importChats(
            ImportRequest(path: file.path, platform: .transcript, bucket: "personal", extract: true))
        #expect(summary.memoriesExtracted == 2)
        let memories = try recall.listMemories(MemoryListRequest()).memories
        #expect(memories.count == 2 && memories.allSatisfy { $0.bucket == "personal" })
    }
}
