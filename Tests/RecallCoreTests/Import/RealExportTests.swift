import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// Genuine exports collected in `shared/fixtures/exports` (see each folder's PROVENANCE.md).
    ///
    /// The expected numbers were worked out from the JSON files themselves, not from this parser:
    /// a message is stored when it has text or attachments; on ChatGPT's active branch (the
    /// `current_node` path) hidden messages are system prompts, tool traffic and custom instructions.
    ///
    /// The folder lives beside the package, not in it (the files are not all licensed for
    /// redistribution), so the suite is skipped on machines that do not have it.
    @Suite(.enabled(if: Fixture.sharedExports != nil, "needs shared/fixtures/exports beside the package root"))
    struct RealExportTests {
        struct ChatGPTExpectation: Sendable, CustomTestStringConvertible {
            var file: String
            var id: String
            var active: Int
            var activeHidden: Int
            var total: Int
            var testDescription: String { file }
        }

        static let chatGPT: [ChatGPTExpectation] = [
            // 13 mapping nodes; the current_node path has 8: the root and an empty hidden system
            // prompt store nothing, leaving 6 visible turns. The other branches hold 5 more.
            ChatGPTExpectation(
                file: "librechat-chatgpt-tree.json", id: "d5dc5307-6807-41a0-8b04-4acee626eeb7", active: 6,
                activeHidden: 0, total: 11),
            // 45 nodes on one branch: root + 2 empty system messages store nothing; 11 code calls and
            // 11 execution outputs are hidden; 8 prompts and 12 answers are visible.
            ChatGPTExpectation(
                file: "chatgpt2graph-code-interpreter.json", id: "966da5c4-5bb7-4e4d-ab6d-a7316b96266e", active: 42,
                activeHidden: 22, total: 42),
            // 13 nodes: root + empty system prompt store nothing; the custom instructions are hidden.
            ChatGPTExpectation(
                file: "openwebui-importer-gpt_example.json", id: "6857150a-cd20-800f-a5f7-d2404f94b935", active: 11,
                activeHidden: 1, total: 11),
        ]

        func read(_ folder: String, _ file: String) throws -> ExportReadRecord {
            let url = try #require(Fixture.sharedExports).appendingPathComponent(folder).appendingPathComponent(file)
            return try ExportReadRecord.read(url.path)
        }

        @Test(arguments: chatGPT)
        func chatGPTExportReads(expected: ChatGPTExpectation) throws {
            let record = try read("chatgpt", expected.file)
            #expect(record.summary.platforms == [.chatgpt])
            #expect(record.errors.isEmpty)
            #expect(record.warnings.isEmpty)
            let conversation = try #require(record.conversations.first)
            #expect(record.conversations.count == 1)
            #expect(conversation.sourceID == expected.id)
            #expect(conversation.activeBranch.count == expected.active)
            #expect(conversation.activeBranch.filter(\.hidden).count == expected.activeHidden)
            #expect(conversation.messages.count == expected.total)
        }

        @Test func chatGPTBranchesKeepTheAbandonedAnswers() throws {
            let conversation = try #require(try read("chatgpt", "librechat-chatgpt-tree.json").conversations.first)
            #expect(conversation.title == "Assist user with summary")
            #expect(conversation.metadata["model"] == "text-davinci-002-render-sha")
            #expect(
                conversation.activeBranch.map(\.text).prefix(5) == [
                    "hi there", "Hello! How can I assist you today?", "hi again",
                    "Hey! Welcome back. What's on your mind?", "tell me a joke",
                ])
            #expect(conversation.activeBranch.last?.text.hasPrefix("Sure, here's one for you:") == true)
            let interrupted = try #require(
                conversation.messages.first { $0.sourceID == "ada93f81-f59e-4b31-933d-1357efd68bfc" })
            #expect(interrupted.activePosition == nil)
            #expect(interrupted.text.hasPrefix("Sure! Here's a short story for you:"))
        }

        @Test func chatGPTCodeInterpreterHidesToolTraffic() throws {
            let conversation = try #require(
                try read("chatgpt", "chatgpt2graph-code-interpreter.json").conversations.first)
            #expect(conversation.title == "Average Distance in U(0,1)")
            let active = conversation.activeBranch
            #expect(active.first?.text.hasPrefix("given two random independent variables x,y in U(0,1)") == true)
            #expect(active.filter { $0.contentType == "code" }.count == 11)
            #expect(active.filter { $0.contentType == "code" }.allSatisfy { $0.hidden && $0.role == .assistant })
            #expect(active.filter { $0.contentType == "execution_output" }.count == 11)
            #expect(active.filter { $0.contentType == "execution_output" }.allSatisfy { $0.hidden && $0.role == .tool })
            #expect(active.filter { !$0.hidden && $0.role == .user }.count == 8)
        }

        @Test func chatGPTCustomInstructionsAreAHiddenSystemMessage() throws {
            let conversation = try #require(
                try read("chatgpt", "openwebui-importer-gpt_example.json").conversations.first)
            let instructions = try #require(conversation.activeBranch.first)
            #expect(instructions.contentType == "user_editable_context")
            #expect(instructions.role == .system && instructions.hidden)
            #expect(instructions.text.contains("Please keep the initial response to 1 to 2 paragraphs"))
            #expect(conversation.activeBranch.last?.text.hasPrefix("Forests, like ponds, are not sentient") == true)
            #expect(conversation.metadata["model"] == "gpt-4o")
        }

        @Test func claudeWrappedArtifactsExport() throws {
            let record = try read("claude", "now2ai-processor-conversations-wrapped.json")
            #expect(record.summary.platforms == [.claude])
            #expect(record.errors.isEmpty)
            #expect(
                record.conversations.map(\.sourceID) == [
                    "a0ac6e43-77dc-434a-8749-49ddc9bad978", "0df82faa-95a9-4c5a-91e5-bb1b690dcbaf",
                ])
            let first = record.conversations[0]
            // 12 messages: 11 with text become visible messages (one is only an artifact call);
            // 6 tool_use and 4 tool_result blocks become hidden ones.
            #expect(first.activeBranch.count == 21)
            #expect(first.activeBranch.filter(\.hidden).count == 10)
            #expect(first.activeBranch.filter { $0.contentType == "tool_use" }.count == 6)
            #expect(first.activeBranch.filter { $0.contentType == "tool_result" }.count == 4)
            // The flat `text` placeholder never wins over the blocks.
            #expect(!first.messages.contains { $0.text.contains("Viewing artifacts created via the Analysis Tool") })
            let pdf = try #require(first.messages.first?.attachments.first)
            #expect(pdf.name == "PDF document.pdf" && pdf.size == 20698 && pdf.mimeType == "pdf")
            #expect(pdf.extractedText?.unicodeScalars.count == 10047)
            let artifact = try #require(
                first.messages.first { $0.sourceID == "cf9950f5-87a6-47ee-8c1a-dc8b4ea45b23#tool_use-1" })
            #expect(artifact.text.hasPrefix("artifacts\n\nסיכום המאמר"))
            // The second conversation has an empty name and two empty messages.
            #expect(record.conversations[1].title == nil)
            #expect(record.conversations[1].messages.isEmpty)
        }

        @Test func claudeEightyFiveConversations() throws {
            let record = try read("claude", "openwebui-importer-claude_example.json")
            #expect(record.summary.platforms == [.claude])
            #expect(record.diagnostics.isEmpty)
            #expect(record.conversations.count == 85)
            // 557 messages, of which 547 have empty text: only 10 are stored, all in the last conversation.
            #expect(record.conversations.map(\.messages.count).reduce(0, +) == 10)
            #expect(record.conversations.filter { $0.title != nil }.count == 1)
            let photosynthesis = try #require(record.conversations.last)
            #expect(photosynthesis.sourceID == "76a904ac-7838-4a01-9e91-020411c40566")
            #expect(photosynthesis.title == "How Photosynthesis Works")
            #expect(
                photosynthesis.activeBranch.map(\.role)
                    == Array(repeating: [MessageRole.user, .assistant], count: 5).flatMap { $0 })
            #expect(
                photosynthesis.activeBranch.first?.text == "Can you explain how photosynthesis works in simple terms?")
            #expect(photosynthesis.activeBranch[1].text.hasPrefix("Photosynthesis is how plants make their own food"))
            #expect(photosynthesis.createdAt != nil)
        }

        @Test(arguments: ["chatgpt", "claude", "deepseek", "grok"])
        func wholeFolderReadsWithoutErrors(folder: String) throws {
            let url = try #require(Fixture.sharedExports).appendingPathComponent(folder)
            let record = try ExportReadRecord.read(url.path)
            let files = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".json") }
            #expect(record.summary.files.count == files.count)
            #expect(record.summary.platforms == [try #require(Platform(rawValue: folder))])
            #expect(record.errors.isEmpty)
            #expect(record.summary.skipped == 0)
        }
    }
}
