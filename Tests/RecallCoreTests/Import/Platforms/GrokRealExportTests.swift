import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// The Grok file in `shared/fixtures/exports/grok` (see its PROVENANCE.md): genuine
    /// `prod-grok-backend.json` content of 2025, one conversation of ten responses.
    ///
    /// Expected numbers were worked out from the JSON file, not from this parser: ten
    /// responses, all with text, chained by `parent_response_id` in file order; no thinking
    /// traces, search results, attachments or `<grok:render>` tags.
    @Suite(.enabled(if: Fixture.sharedExports != nil, "needs shared/fixtures/exports beside the package root"))
    struct GrokRealExportTests {
        func path() throws -> String {
            try #require(Fixture.sharedExports)
                .appendingPathComponent("grok").appendingPathComponent("openwebui-importer-grok_example.json").path
        }

        @Test func backendFileOf2025() throws {
            let record = try ExportReadRecord.read(try path())
            #expect(record.summary.platforms == [.grok])
            #expect(record.diagnostics.isEmpty)
            #expect(record.conversations.count == 1)
            let conversation = try #require(record.conversations.first)
            #expect(conversation.sourceID == "9592deb7-27bc-4359-abb5-0967736999e9")
            #expect(conversation.title == "Photosynthesis Simplified: Process and Importance")
            #expect(conversation.createdAt == ISO8601Timestamp.date(from: "2025-06-21T19:28:21.177720Z"))
            #expect(conversation.metadata == ["model": "grok-3"])
            let active = conversation.activeBranch
            #expect(active.count == 10)
            #expect(conversation.messages.count == 10)
            #expect(active.allSatisfy { !$0.hidden })
            // "human" and "ASSISTANT" alternate.
            #expect(active.map(\.role) == Array(repeating: [MessageRole.user, .assistant], count: 5).flatMap { $0 })
            #expect(active.first?.sourceID == "4b6b1683-fbcb-4600-8b48-9fa20ba311d0")
            #expect(active.first?.text == "Can you explain how photosynthesis works in simple terms?")
            #expect(
                active[1].text.hasPrefix(
                    "Photosynthesis is the process plants, algae, and some bacteria use to make their"))
            #expect(active.last?.text.hasPrefix("Forests, like ponds, are not sentient. They are ec") == true)
            #expect(active.dropFirst().map(\.parentSourceID) == active.dropLast().map(\.sourceID))
        }

        @Test func importsThroughThePipelineOnce() throws {
            let recall = Recall.inMemory()
            let first = try recall.importChats(ImportRequest(path: try path()))
            #expect(first.platform == "grok")
            #expect(first.chatsAdded == 1)
            #expect(first.messagesAdded == 10)
            #expect(first.diagnostics.isEmpty)
            let second = try recall.importChats(ImportRequest(path: try path()))
            #expect(second.chatsAdded == 0)
            #expect(second.chatsUpdated == 0)
            #expect(second.chatsUnchanged == 1)
            #expect(second.messagesAdded == 0)
        }

        @Test func forcedPlatformReadsTheSameFile() throws {
            let record = try ExportReadRecord.read(try path(), platform: .grok)
            #expect(record.conversations.map(\.activeBranch.count) == [10])
            let refused = try ExportReadRecord.read(try path(), platform: .deepseek)
            #expect(refused.conversations.isEmpty)
            #expect(refused.summary.skipped == 1)
        }
    }
}
