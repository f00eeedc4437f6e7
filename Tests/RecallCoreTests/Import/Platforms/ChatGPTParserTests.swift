import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct ChatGPTParserTests {
        let parser = ChatGPTParser()

        func parse(_ fixture: String, _ index: Int = 0) throws -> (ParsedConversation, [ImportDiagnostic]) {
            try parser.parse(element: try Fixture.elements(fixture)[index], file: fixture)
        }

        func message(_ conversation: ParsedConversation, _ id: String) throws -> ParsedMessage {
            try #require(conversation.messages.first { $0.sourceID == id }, "no message \(id)")
        }

        @Test func activeBranchFollowsCurrentNodeAndKeepsOtherBranches() throws {
            let (conversation, diagnostics) = try parse("chatgpt/branches.json")
            #expect(diagnostics.isEmpty)
            #expect(conversation.sourceID == "conv-branches")
            #expect(conversation.title == "B-trees")
            #expect(conversation.createdAt == Date(timeIntervalSince1970: 1_700_000_000.125))
            #expect(conversation.metadata["model"] == "gpt-4o")
            #expect(conversation.activeBranch.map(\.sourceID) == ["u1", "a1", "u2", "a2"])
            #expect(conversation.activeBranch.map(\.activePosition) == [0, 1, 2, 3])
            // Active branch first, then the other branches depth-first.
            #expect(conversation.messages.map(\.sourceID) == ["u1", "a1", "u2", "a2", "u2-old", "a2-old", "a2-first"])
            #expect(conversation.messages.dropFirst(4).allSatisfy { $0.activePosition == nil })
        }

        @Test func parentsSkipNodesWithoutMessages() throws {
            let (conversation, _) = try parse("chatgpt/branches.json")
            // The root and the empty system prompt are not stored; neither is the `parts: [""]` placeholder.
            #expect(try message(conversation, "u1").parentSourceID == nil)
            #expect(try message(conversation, "a2").parentSourceID == "u2")
            #expect(try message(conversation, "u2-old").parentSourceID == "a1")
            #expect(try message(conversation, "a2-first").parentSourceID == "u2")
            #expect(!conversation.messages.contains { ["root-0", "sys", "pl"].contains($0.sourceID) })
            #expect(try message(conversation, "u1").createdAt == Date(timeIntervalSince1970: 1_700_000_010.5))
        }

        @Test func nullCurrentNodeFallsBackToTheNewestLeaf() throws {
            let (conversation, diagnostics) = try parse("chatgpt/tree-edge-cases.json", 0)
            #expect(diagnostics.isEmpty)
            #expect(conversation.title == nil)
            #expect(conversation.createdAt == nil)
            #expect(conversation.activeBranch.map(\.text) == ["Pick one", "Newer answer"])
            #expect(conversation.messages.count == 4)
        }

        @Test func parentCycleIsCutAndReported() throws {
            let (conversation, diagnostics) = try parse("chatgpt/tree-edge-cases.json", 1)
            #expect(conversation.title == "Cycle")
            #expect(conversation.activeBranch.map(\.sourceID) == ["c1", "c2"])
            #expect(try message(conversation, "c1").parentSourceID == nil)
            #expect(try message(conversation, "c2").parentSourceID == "c1")
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.severity == .warning)
            #expect(diagnostics.first?.message.contains("loop") == true)
        }

        @Test func missingCurrentNodeWarnsAndFallsBack() throws {
            let (conversation, diagnostics) = try parse("chatgpt/tree-edge-cases.json", 2)
            #expect(conversation.title == nil)  // "" is no title
            #expect(conversation.activeBranch.map(\.text) == ["Only message"])
            #expect(diagnostics.map(\.message).contains { $0.contains("current_node gone") })
        }

        @Test func missingMappingIsAnEmptyConversationWithAWarning() throws {
            let (conversation, diagnostics) = try parse("chatgpt/tree-edge-cases.json", 3)
            #expect(conversation.messages.isEmpty)
            #expect(conversation.title == "Corrupted entry")
            #expect(diagnostics.first?.message.contains("mapping") == true)
        }

        @Test func contentTypesDecideTextVisibilityAndRole() throws {
            let (conversation, diagnostics) = try parse("chatgpt/content-types.json")
            #expect(diagnostics.isEmpty)
            let summary = conversation.activeBranch.map {
                "\($0.sourceID) \($0.role.rawValue) \($0.hidden ? "hidden" : "shown")"
            }
            #expect(
                summary == [
                    "ctx system hidden", "sysprompt system hidden", "photo user shown", "think assistant hidden",
                    "recap assistant hidden", "call assistant hidden", "out tool hidden", "answer assistant shown",
                    "dalle tool hidden", "voice user shown", "browse tool hidden", "web tool hidden",
                    "widget assistant hidden", "final assistant shown",
                ])
            #expect(conversation.metadata["model"] == "gpt-5-thinking")
            #expect(conversation.metadata["archived"] == "true")
        }

        @Test func textIsTakenFromEachContentType() throws {
            let (conversation, _) = try parse("chatgpt/content-types.json")
            let text = Dictionary(uniqueKeysWithValues: conversation.messages.map { ($0.sourceID, $0.text) })
            #expect(text["ctx"] == "I am a botanist.\n\nAnswer briefly.")
            #expect(text["photo"] == "What plant is this?")
            #expect(text["think"] == "Looking at the leaf\nSerrated edges suggest a nettle.")
            #expect(text["recap"] == "Thought for 6s")
            #expect(text["call"] == "print(len('nettle'))")
            #expect(text["out"] == "6")
            #expect(text["voice"] == "Is it safe to touch?")
            #expect(text["browse"] == "【0†Nettle - Wikipedia†en.wikipedia.org】")
            #expect(text["web"] == "Nettle facts\n\nhttps://example.org/nettle\n\nNettles sting.")
            #expect(text["widget"] == "Widget says hi")
            #expect(try message(conversation, "widget").contentType == "future_widget")
            #expect(try message(conversation, "think").contentType == "thoughts")
        }

        @Test func imagesAudioAndUploadsBecomeAttachments() throws {
            let (conversation, _) = try parse("chatgpt/content-types.json")
            #expect(
                try message(conversation, "photo").attachments == [
                    Attachment(kind: .image, pointer: "sediment://file_abc", size: 12345),
                    Attachment(
                        kind: .file, name: "field-notes.pdf", pointer: "file-xyz", size: 2048,
                        mimeType: "application/pdf"),
                ])
            #expect(
                try message(conversation, "dalle").attachments == [
                    Attachment(
                        kind: .image, pointer: "file-service://file-dalle1", size: 99999,
                        description: "a watercolor nettle")
                ])
            #expect(try message(conversation, "dalle").text.isEmpty)  // kept for its image
            #expect(
                try message(conversation, "voice").attachments == [
                    Attachment(kind: .audio, pointer: "sediment://file_audio", size: 5000)
                ])
        }

        @Test func customInstructionsOnALegacySystemMessageBecomeItsText() throws {
            let element = Data(
                #"""
                {"id": "c", "current_node": "s", "mapping": {"s": {"parent": null, "children": [], "message": {
                  "author": {"role": "system"}, "content": {"content_type": "text", "parts": [""]},
                  "metadata": {"is_user_system_message": true,
                    "user_context_message_data": {"about_user_message": "I live in Oslo.", "about_model_message": ""}}}}}}
                """#.utf8)
            let (conversation, _) = try parser.parse(element: element, file: "inline")
            #expect(conversation.messages.map(\.text) == ["I live in Oslo."])
            #expect(conversation.messages.first?.hidden == true)
        }

        @Test func unreadableNodeIsSkippedWithAWarningAndTheChainHolds() throws {
            let element = Data(
                #"""
                {"id": "c", "current_node": "b", "mapping": {
                  "a": {"parent": null, "children": ["x"], "message": {"author": {"role": "user"}, "content": {"content_type": "text", "parts": ["Hi"]}}},
                  "x": {"parent": "a", "children": ["b"], "message": "garbage"},
                  "b": {"parent": "x", "children": [], "message": {"author": {"role": "assistant"}, "content": {"content_type": "text", "parts": ["Hello"]}}}}}
                """#.utf8)
            let (conversation, diagnostics) = try parser.parse(element: element, file: "inline")
            #expect(conversation.activeBranch.map(\.text) == ["Hi", "Hello"])
            #expect(conversation.messages.last?.parentSourceID == "a")
            #expect(diagnostics.map(\.severity) == [.warning])
            #expect(diagnostics.first?.message.contains("node x") == true)
        }

        @Test func conversationWithoutIDIsRejected() {
            let element = Data(#"{"title": "no id", "mapping": {}}"#.utf8)
            #expect(throws: ExportParseError.self) { try parser.parse(element: element, file: "inline") }
        }

        @Test func deepSeekConversationIsNotChatGPT() throws {
            let element = Data(
                #"""
                {"id": "d1", "title": "三国", "inserted_at": "2025-01-29T15:55:28.250000+08:00", "mapping": {
                  "root": {"id": "root", "parent": null, "children": ["1"], "message": null},
                  "1": {"id": "1", "parent": "root", "children": [], "message": {"model": "deepseek-chat",
                        "fragments": [{"type": "REQUEST", "content": "hello"}]}}}}
                """#.utf8)
            #expect(!parser.recognizes(element))
            let error = try #require(throws: ExportParseError.self) {
                try parser.parse(element: element, file: "inline")
            }
            #expect(error.message.contains("DeepSeek"))
        }
    }
}
