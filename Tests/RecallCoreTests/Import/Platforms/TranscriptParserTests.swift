import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct TranscriptParserTests {
        let parser = TranscriptParser()

        func conversation(_ fixture: String) throws -> ParsedConversation {
            let result = try parser.parse(document: try Fixture.data("transcript/\(fixture)"), file: fixture)
            #expect(result.diagnostics.isEmpty)
            #expect(result.conversations.count == 1)
            return try #require(result.conversations.first)
        }

        func parse(_ text: String) throws -> ParsedConversation {
            try #require(try parser.parse(document: Data(text.utf8), file: "t.md").conversations.first)
        }

        @Test func chatGPTExporterMarkdownWithFrontMatter() throws {
            let chat = try conversation("chatgpt-exporter.md")
            #expect(chat.platform == .transcript)
            #expect(chat.sourceID == "https://chatgpt.com/c/6857150a-cd20-800f-a5f7-d2404f94b935")
            #expect(chat.title == "Regex for ISO dates")
            #expect(
                chat.metadata == [
                    "platform": "chatgpt", "model": "gpt-4o", "format": "markdown",
                    "source_url": "https://chatgpt.com/c/6857150a-cd20-800f-a5f7-d2404f94b935",
                ])
            #expect(chat.createdAt == ISO8601Timestamp.date(from: "2025-06-21T19:28:21Z"))
            #expect(chat.updatedAt == ISO8601Timestamp.date(from: "2025-06-21T19:40:02Z"))
            let active = chat.activeBranch
            #expect(active.map(\.role) == [.user, .assistant, .tool, .user, .assistant])
            #expect(active.map(\.hidden) == [false, false, true, false, false])
            #expect(active.map(\.sourceID) == ["1", "2", "3", "4", "5"])
            #expect(active[0].text == "How do I match `2025-06-21` in a log line?")
            #expect(active[0].createdAt == ISO8601Timestamp.date(from: "2025-06-21T19:28:21Z"))
            #expect(active[2].text == #"{"city": "Kyoto", "forecast": "rain"}"#)
            #expect(active.last?.text == "You're welcome.")
        }

        @Test func roleLinesInsideCodeBlocksDoNotSplitMessages() throws {
            let answer = try conversation("chatgpt-exporter.md").activeBranch[1]
            #expect(answer.text.hasPrefix("Use a pattern anchored on digits:\n\n```python\nimport re\n"))
            #expect(answer.text.contains("\n#### You:\nChatGPT: not a real turn\n"))
            #expect(answer.text.hasSuffix("```\n\nThat prints `['2025-06-21']`."))
        }

        @Test func chatGPTExporterPlainText() throws {
            let chat = try conversation("chatgpt-exporter.txt")
            #expect(chat.activeBranch.map(\.role) == [.user, .assistant, .user, .assistant])
            #expect(
                chat.activeBranch.last?.text
                    == "Sydney and Melbourne both wanted to be the capital.\nThe constitution put the new city between them."
            )
            #expect(chat.metadata == ["platform": "chatgpt", "format": "text"])
            #expect(chat.title == nil)
            #expect(chat.sourceID.hasPrefix("hash:"))
        }

        @Test func promptResponseExportWithHeaderAndFooter() throws {
            let chat = try conversation("prompt-response.md")
            #expect(chat.title == "Sourdough starter schedule")
            #expect(chat.sourceID == "https://chatgpt.com/c/67e08a2b-1f3c-8000-9d4e-5a6b7c8d9e0f")
            // `**Created:** 3/23/2025 23:26` — United States order, no zone.
            #expect(chat.createdAt == ISO8601Timestamp.date(from: "2025-03-23T23:26:00Z"))
            #expect(chat.updatedAt == ISO8601Timestamp.date(from: "2025-03-24T08:05:00Z"))
            #expect(chat.metadata["platform"] == "chatgpt")
            let active = chat.activeBranch
            // The `**User:** name` header line is not a turn: the headings are the markers.
            #expect(active.map(\.role) == [.user, .assistant, .user, .assistant])
            #expect(
                active[1].text
                    == "Once a week is enough. Take it out, discard half, feed equal weights of flour and water.")
            #expect(
                active[3].text
                    == "Every 12 hours, or every 24 if your kitchen is cool.\n\n**Tip:** a rubber band on the jar shows how much it rose."
            )
        }

        @Test func boldLabelsWithTextOnTheSameLine() throws {
            let chat = try conversation("bold-labels.md")
            #expect(chat.title == "Packing list")
            #expect(
                chat.activeBranch.map(\.text) == [
                    "What should I pack for a week of hiking?\nI'll sleep in huts, not a tent.",
                    "Pack light:\n\n- rain jacket\n- two merino shirts\n- hut sleeping bag liner",
                    "Do I need a stove?", "No. Huts serve meals; bring snacks.",
                ])
            #expect(chat.metadata["platform"] == nil)
        }

        @Test func humanAssistantWithWindowsLineEndings() throws {
            let chat = try conversation("human-assistant.txt")
            #expect(
                chat.activeBranch.map(\.text) == [
                    #"Translate "good morning" into Japanese."#, "おはようございます (ohayō gozaimasu).",
                    "And the casual form?", "おはよう (ohayō).",
                ])
        }

        @Test func claudeCodeLogWithEmojiHeadings() throws {
            let chat = try conversation("claude-code-log.md")
            #expect(chat.sourceID == "id:0f8e2a6c-2b4d-4e1f-9a7b-3c5d6e7f8a9b")
            #expect(chat.createdAt == ISO8601Timestamp.date(from: "2025-07-01T10:00:00Z"))
            #expect(chat.metadata["platform"] == "claude")
            #expect(chat.activeBranch.map(\.role) == [.user, .assistant, .user, .assistant])
            #expect(
                chat.activeBranch[1].text
                    == "I'll add one.\n\n🔧 Using tool: Write\nInput: {\"file_path\": \"Tests/DateParserTests.swift\"}")
        }

        @Test func obsidianFieldsAndEmojiOnlyHeadings() throws {
            let chat = try conversation("obsidian-gemini.md")
            #expect(chat.title == "Gemini conversations from 2025-06-08")
            #expect(chat.metadata["platform"] == "gemini")
            #expect(chat.activeBranch.map(\.role) == [.user, .assistant, .user, .assistant])
            #expect(
                chat.activeBranch.map(\.createdAt) == [
                    ISO8601Timestamp.date(from: "2025-06-08T12:37:50Z"),
                    ISO8601Timestamp.date(from: "2025-06-08T12:38:02Z"), nil, nil,
                ])
            #expect(chat.activeBranch.last?.text == "Glad to help.")
        }

        @Test func notesWithAStrayRoleLineAreRejected() throws {
            let error = #expect(throws: ExportParseError.self) {
                try parser.parse(document: try Fixture.data("transcript/notes.md"), file: "notes.md")
            }
            #expect(error?.message.contains("never a user turn next to an assistant turn") == true)
            #expect(throws: ExportParseError.self) {
                try parser.parse(document: Data("Just a paragraph.\n\nAnd another.".utf8), file: "x.txt")
            }
        }

        @Test func sameChatExportedLaterKeepsItsKey() throws {
            let first = try parse("# Tea\n\nUser: Green or black?\n\nAssistant: Green.\n")
            let longer = try parse(
                "# Tea\n\nUser: Green or black?\n\nAssistant: Green.\n\nUser: Why?\n\nAssistant: Less caffeine.\n")
            let other = try parse("# Tea\n\nUser: Green or black?\n\nAssistant: Black.\n")
            #expect(first.sourceID == longer.sourceID)
            #expect(first.sourceID != other.sourceID)
            #expect(longer.activeBranch.prefix(2).map(\.sourceID) == first.activeBranch.map(\.sourceID))
        }

        @Test func genericHeadingsInsideAnswersAreContent() throws {
            let chat = try parse(
                "## User\n\nExplain it.\n\n## Assistant\n\n## Answer\n\nForty-two.\n\n## Response\n\nSee above.\n")
            #expect(chat.activeBranch.map(\.role) == [.user, .assistant])
            #expect(chat.activeBranch[1].text == "## Answer\n\nForty-two.\n\n## Response\n\nSee above.")
        }

        @Test func unclosedFenceDoesNotSwallowTheRest() throws {
            let chat = try parse(
                "User: show code\n\nAssistant:\n```swift\nlet x = 1\n\nUser: thanks\n\nAssistant: welcome\n")
            #expect(chat.activeBranch.map(\.role) == [.user, .assistant, .user, .assistant])
        }

        @Test func recognisesMarkersButNotHTMLPages() {
            #expect(parser.recognizes(.text(head: "# T\n\n## 👤 User\n\nhi\n")))
            #expect(parser.recognizes(.text(head: "You:\nhi\n")))
            #expect(!parser.recognizes(.text(head: "<!DOCTYPE html><html><body>User: hi</body></html>")))
            #expect(!parser.recognizes(.text(head: "```\nUser: hi\n```\n")))
            #expect(!parser.recognizes(.jsonElement(Data("{}".utf8))))
        }
    }
}
