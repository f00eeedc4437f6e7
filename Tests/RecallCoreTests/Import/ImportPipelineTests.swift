import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// Files of the new formats through the whole pipeline: `Recall.importChats` into an in-memory
    /// store, then the same file again, which must add nothing.
    @Suite struct ImportPipelineTests {
        struct Case: Sendable, CustomTestStringConvertible {
            var path: String
            var platform: String
            var chats: Int
            /// Every stored message, all branches and hidden ones included.
            var messages: Int
            /// Conversations left out: an empty project or chat is not stored.
            var skipped = 0
            var testDescription: String { (path as NSString).lastPathComponent }
        }

        static let bundled: [Case] = [
            Case(path: Fixture.path("gemini/MyActivity.json"), platform: "gemini", chats: 4, messages: 15),
            Case(path: Fixture.path("gemini/MyActivity.html"), platform: "gemini", chats: 2, messages: 6),
            Case(path: Fixture.path("gemini/Google AI Studio"), platform: "gemini", chats: 1, messages: 7),
            Case(path: Fixture.path("transcript/prompt-response.md"), platform: "transcript", chats: 1, messages: 4),
            Case(path: Fixture.path("chatgpt-shards"), platform: "chatgpt", chats: 3, messages: 8),
            // The starter project has no documents and no description: nothing to store.
            Case(
                path: Fixture.path("claude-projects/projects.json"), platform: "claude", chats: 1, messages: 4,
                skipped: 1),
        ]

        static var shared: [Case] {
            guard let root = Fixture.sharedExports else { return [] }
            func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
            return [
                Case(
                    path: path("gemini/ai-chat-history-manager-gemini.html"), platform: "gemini", chats: 9, messages: 18
                ),
                Case(
                    path: path("gemini/openwebui-importer-aistudio_example.json"), platform: "gemini", chats: 1,
                    messages: 3),
                Case(
                    path: path("markdown/deepseek-exporter-userscript.md"), platform: "transcript", chats: 1,
                    messages: 4),
                Case(path: path("markdown/deepseek2md-export.md"), platform: "transcript", chats: 1, messages: 10),
                Case(
                    path: path("markdown/now2ai-claude-export-transcript.md"), platform: "transcript", chats: 1,
                    messages: 12),
            ]
        }

        @Test(arguments: bundled + shared)
        func importThenReimportAddsNothing(expected: Case) throws {
            let recall = Recall.inMemory(clock: TestClock().now)
            let first = try recall.importChats(ImportRequest(path: expected.path))
            #expect(first.platform == expected.platform)
            #expect(first.chatsAdded == expected.chats)
            #expect(first.messagesAdded == expected.messages)
            #expect(first.skipped == expected.skipped)
            #expect(first.diagnostics.allSatisfy { $0.severity == .warning })
            let again = try recall.importChats(ImportRequest(path: expected.path))
            #expect(again.chatsAdded == 0)
            #expect(again.chatsUpdated == 0)
            #expect(again.chatsUnchanged == expected.chats)
            #expect(again.messagesAdded == 0)
            #expect(again.messagesUpdated == 0)
            #expect(try recall.listChats(ChatListRequest()).total == expected.chats)
        }

        @Test func projectDocumentsAreSearchable() throws {
            let recall = Recall.inMemory(clock: TestClock().now)
            _ = try recall.importChats(ImportRequest(path: Fixture.path("claude-projects/projects.json")))
            let hit = try #require(
                try recall.search(SearchRequest(query: "MeyGen capacity", scope: .messages)).results.first)
            #expect(hit.chatTitle == "Project: Thesis")
            #expect(hit.sourceMessageID == "d2-sources")
            // The custom instructions are stored, hidden from search.
            #expect(try recall.search(SearchRequest(query: "APA style", scope: .messages)).results.isEmpty)
        }

        @Test func geminiAnswersAreSearchable() throws {
            let recall = Recall.inMemory(clock: TestClock().now)
            _ = try recall.importChats(ImportRequest(path: Fixture.path("gemini/MyActivity.json")))
            let hit = try #require(
                try recall.search(SearchRequest(query: "bamboo grove", scope: .messages)).results.first)
            #expect(hit.platform == .gemini)
            #expect(hit.role == .assistant)
        }

        @Test func longerTranscriptOfTheSameChatUpdatesIt() throws {
            let folder = try TemporaryFolder()
            let path = try folder.write("tea.md", "# Tea\n\nUser: Green or black?\n\nAssistant: Green.\n")
            let recall = Recall.inMemory(clock: TestClock().now)
            _ = try recall.importChats(ImportRequest(path: path))
            try folder.write(
                "tea.md",
                "# Tea\n\nUser: Green or black?\n\nAssistant: Green.\n\nUser: Why?\n\nAssistant: Less caffeine.\n")
            let again = try recall.importChats(ImportRequest(path: path))
            #expect(again.chatsUpdated == 1)
            #expect(again.messagesAdded == 2)
        }
    }
}
