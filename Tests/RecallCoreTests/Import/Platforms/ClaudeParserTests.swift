import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct ClaudeParserTests {
        let parser = ClaudeParser()

        func parse(_ fixture: String, _ index: Int = 0) throws -> (ParsedConversation, [ImportDiagnostic]) {
            try parser.parse(element: try Fixture.elements(fixture)[index], file: fixture)
        }

        func message(_ conversation: ParsedConversation, _ id: String) throws -> ParsedMessage {
            try #require(conversation.messages.first { $0.sourceID == id }, "no message \(id)")
        }

        @Test func conversationFieldsAndTimes() throws {
            let (conversation, diagnostics) = try parse("claude/blocks.json")
            #expect(diagnostics.isEmpty)
            #expect(conversation.platform == .claude)
            #expect(conversation.sourceID == "claude-blocks")
            #expect(conversation.title == "Blocks tour")
            // 2025-03-01T09:59:59.123456Z, and an updated_at in `+00:00` form.
            let created = try #require(conversation.createdAt).timeIntervalSince1970
            #expect(abs(created - 1_740_823_199.123456) < 0.000_001)
            #expect(conversation.updatedAt == Date(timeIntervalSince1970: 1_740_823_500))
        }

        @Test func blocksBecomeVisibleAndHiddenMessagesInOrder() throws {
            let (conversation, _) = try parse("claude/blocks.json")
            let order = conversation.activeBranch.map { "\($0.sourceID)\($0.hidden ? " (hidden)" : "")" }
            #expect(
                order == [
                    "h1", "a1#thinking-0 (hidden)", "a1", "h2", "a2", "a2#tool_use-1 (hidden)",
                    "a2#tool_result-2 (hidden)",
                    "a2#tool_use-3 (hidden)", "a2#tool_result-4 (hidden)", "a3#tool_use-1 (hidden)",
                    "a3#future_block-2 (hidden)",
                ])
            #expect(conversation.activeBranch.map(\.activePosition) == Array(0..<11).map { $0 })
            #expect(conversation.messages.count == 11)
        }

        @Test func textComesFromBlocksNotTheFlatField() throws {
            let (conversation, _) = try parse("claude/blocks.json")
            #expect(try message(conversation, "a1").text == "Revenue grew 12%.")
            #expect(try message(conversation, "a1#thinking-0").text == "The notes say revenue rose.")
            #expect(try message(conversation, "a1#thinking-0").role == .assistant)
            #expect(try message(conversation, "a2").text == "I'll make a chart.\n\nDone.")
            #expect(try message(conversation, "h2").text == "Can you chart it?")  // no content[]: flat text
            #expect(try message(conversation, "a2#tool_use-1").text == "artifacts\n\nRevenue chart\n\n<svg>12%</svg>")
            #expect(try message(conversation, "a2#tool_result-2").text == "OK")
            #expect(try message(conversation, "a2#tool_result-2").role == .tool)
            #expect(try message(conversation, "a2#tool_use-3").text == "web_search\n\nrevenue benchmarks")
            #expect(
                try message(conversation, "a2#tool_result-4").text
                    == "Benchmarks 2025\nhttps://example.com/b\nTypical growth is 8%.")
            #expect(try message(conversation, "a3#tool_use-1").text == "repl\n\n1+1")
            #expect(try message(conversation, "a3#future_block-2").contentType == "future_block")
        }

        @Test func hiddenPartsLinkToTheirMessage() throws {
            let (conversation, _) = try parse("claude/blocks.json")
            #expect(try message(conversation, "h1").parentSourceID == nil)
            #expect(try message(conversation, "a1#thinking-0").parentSourceID == "a1")
            #expect(try message(conversation, "a1").parentSourceID == "h1")
            #expect(try message(conversation, "h2").parentSourceID == "a1")
            // a3 has no visible text: its first hidden part stands for it.
            #expect(try message(conversation, "a3#tool_use-1").parentSourceID == "a2")
            #expect(try message(conversation, "a3#future_block-2").parentSourceID == "a3#tool_use-1")
            #expect(!conversation.messages.contains { $0.sourceID == "a3" })
        }

        @Test func attachmentsAndFilesAreMerged() throws {
            let (conversation, _) = try parse("claude/blocks.json")
            #expect(
                try message(conversation, "h1").attachments == [
                    Attachment(
                        kind: .file, name: "notes.txt", size: 120, mimeType: "txt",
                        extractedText: "Quarterly numbers: revenue up 12%"),
                    Attachment(kind: .image, name: "photo.PNG", pointer: "file-uuid-1"),
                ])
            let thinking = try message(conversation, "a1#thinking-0")
            #expect(thinking.createdAt == ISO8601Timestamp.date(from: "2025-03-01T10:00:02Z"))
        }

        @Test func nullAndUnreadableEntriesAreSkippedWithWarnings() throws {
            let (conversation, diagnostics) = try parse("claude/blocks.json", 1)
            #expect(conversation.title == nil)
            #expect(conversation.messages.map(\.sourceID) == ["e1", "e3"])
            #expect(try message(conversation, "e3").parentSourceID == "e1")  // past the empty e2
            #expect(diagnostics.map(\.severity) == [.warning, .warning])
            #expect(diagnostics.first?.message == "chat_messages[2] is null; skipped")
            #expect(diagnostics.last?.message.contains("chat_messages[3]") == true)
            #expect(diagnostics.allSatisfy { $0.conversation == "claude-untitled" })
        }

        @Test func branchesFollowTheLastChildUnderEachParent() throws {
            let (conversation, diagnostics) = try parse("claude/branches.json")
            #expect(diagnostics.isEmpty)
            #expect(conversation.activeBranch.map(\.text) == ["Hi", "Hello", "New question", "Second try"])
            #expect(conversation.messages.map(\.sourceID) == ["m1", "m2", "m5", "m7", "m3", "m4", "m6"])
            #expect(try message(conversation, "m1").parentSourceID == nil)  // the root sentinel
            #expect(try message(conversation, "m3").parentSourceID == "m2")
            #expect(try message(conversation, "m6").parentSourceID == "m5")
            #expect(try message(conversation, "m6").activePosition == nil)
        }

        @Test func withoutParentLinksAllMessagesAreTheActiveBranch() throws {
            let element = Data(
                #"""
                {"uuid": "c", "name": "Linear", "chat_messages": [
                  {"uuid": "1", "sender": "human", "text": "one", "content": [{"type": "text", "text": "one"}]},
                  {"uuid": "2", "sender": "human", "text": "two", "content": [{"type": "text", "text": "two"}]},
                  {"uuid": "3", "sender": "assistant", "text": "three", "content": [{"type": "text", "text": "three"}]}]}
                """#.utf8)
            let (conversation, _) = try parser.parse(element: element, file: "inline")
            #expect(conversation.activeBranch.map(\.text) == ["one", "two", "three"])
            #expect(conversation.messages.map(\.role) == [.user, .user, .assistant])
            #expect(conversation.messages.map(\.parentSourceID) == [nil, "1", "2"])
        }

        @Test func missingUUIDIsRejected() {
            let element = Data(#"{"name": "x", "chat_messages": []}"#.utf8)
            #expect(throws: ExportParseError.self) { try parser.parse(element: element, file: "inline") }
        }
    }
}
