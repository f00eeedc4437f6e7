import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// The DeepSeek files in `shared/fixtures/exports/deepseek` (see its PROVENANCE.md), read by
    /// the reader and imported through the whole pipeline.
    ///
    /// Expected numbers were worked out from the JSON files, not from this parser: a message is
    /// stored per node with text, plus one hidden message per THINK fragment; the active branch
    /// is the `current_message_id` (capture) or `current_node` (hand-written sample) path.
    @Suite(.enabled(if: Fixture.sharedExports != nil, "needs shared/fixtures/exports beside the package root"))
    struct DeepSeekRealExportTests {
        static let capture = "deepseek-exporter-raw-web-api.json"
        static let sample = "deepseek-chat-export-sample_conversation.json"

        func path(_ file: String) throws -> String {
            try #require(Fixture.sharedExports).appendingPathComponent("deepseek").appendingPathComponent(file).path
        }

        @Test func webAPICapture() throws {
            let record = try ExportReadRecord.read(try path(Self.capture))
            #expect(record.summary.platforms == [.deepseek])
            #expect(record.diagnostics.isEmpty)
            #expect(record.conversations.count == 1)
            let conversation = try #require(record.conversations.first)
            #expect(conversation.sourceID == "e7196cf3-12be-4096-99c1-1c8c983f71d6")
            #expect(conversation.title == "test_chat")
            #expect(conversation.createdAt == Date(timeIntervalSince1970: 1_763_826_110.639))
            // 11 messages on three roots (1, 4, 10); current_message_id 11 → the path 10 → 11.
            // 11 answers with THINK then RESPONSE: 3 active, 1 hidden.
            #expect(conversation.activeBranch.map(\.sourceID) == ["10", "11#think-0", "11"])
            #expect(conversation.activeBranch.filter(\.hidden).count == 1)
            // 11 nodes, 3 of them (5, 9, 11) with a THINK fragment.
            #expect(conversation.messages.count == 14)
            #expect(conversation.messages.filter { $0.parentSourceID == nil }.map(\.sourceID) == ["10", "1", "4"])
            let active = conversation.activeBranch
            #expect(active[0].role == .user)
            #expect(
                active[0].text.hasPrefix(
                    "Write a first-person narrative from the perspective of someone with borderline personality"))
            #expect(active[1].text.hasPrefix("Hmm, this is a complex and emotionally nuanced request."))
            #expect(active[2].role == .assistant)
            #expect(active[2].text.hasPrefix("Right. Okay. I can do this. It’s just a door."))
        }

        @Test func handWrittenOfficialShapedSample() throws {
            let record = try ExportReadRecord.read(try path(Self.sample))
            #expect(record.summary.platforms == [.deepseek])
            #expect(record.diagnostics.isEmpty)
            let conversation = try #require(record.conversations.first)
            #expect(record.conversations.count == 1)
            #expect(conversation.sourceID == "sample_123")
            #expect(conversation.title == "Пример обсуждения философии и кода")
            #expect(conversation.createdAt == ISO8601Timestamp.date(from: "2024-12-31T07:30:00Z"))
            #expect(conversation.metadata["model"] == "deepseek-reasoner")
            // current_node 5: root → 3 → 4 → 5; node 4 thinks before answering.
            #expect(conversation.activeBranch.map(\.sourceID) == ["3", "4#think-0", "4", "5"])
            #expect(conversation.activeBranch.first?.text == "Напиши функцию для вычисления факториала с объяснением")
            #expect(conversation.activeBranch[2].text.hasPrefix("Вот несколько реализаций факториала на Python"))
            // Five nodes with messages, two of them with THINK.
            #expect(conversation.messages.count == 7)
        }

        @Test(arguments: [capture, sample])
        func importsThroughThePipelineOnce(file: String) throws {
            let recall = Recall.inMemory()
            let first = try recall.importChats(ImportRequest(path: try path(file)))
            #expect(first.platform == "deepseek")
            #expect(first.chatsAdded == 1)
            #expect(first.skipped == 0)
            #expect(first.diagnostics.isEmpty)
            let second = try recall.importChats(ImportRequest(path: try path(file)))
            #expect(second.chatsAdded == 0)
            #expect(second.chatsUpdated == 0)
            #expect(second.chatsUnchanged == 1)
            #expect(second.messagesAdded == 0)
        }
    }
}
