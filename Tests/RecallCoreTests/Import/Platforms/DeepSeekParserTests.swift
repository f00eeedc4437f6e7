import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct DeepSeekParserTests {
        let parser = DeepSeekParser()

        func parse(_ fixture: String, _ index: Int = 0) throws -> (ParsedConversation, [ImportDiagnostic]) {
            try parser.parse(element: try Fixture.elements(fixture)[index], file: fixture)
        }

        func parse(inline json: String) throws -> (ParsedConversation, [ImportDiagnostic]) {
            try parser.parse(element: Data(json.utf8), file: "inline")
        }

        func message(_ conversation: ParsedConversation, _ id: String) throws -> ParsedMessage {
            try #require(conversation.messages.first { $0.sourceID == id }, "no message \(id)")
        }

        // MARK: Official export

        @Test func officialConversationFieldsAndTimes() throws {
            let (conversation, diagnostics) = try parse("deepseek/official.json")
            #expect(diagnostics.isEmpty)
            #expect(conversation.platform == .deepseek)
            #expect(conversation.sourceID == "ds-branches")
            #expect(conversation.title == "Branch tour")
            // 2025-01-29T15:55:28.250000+08:00 is 07:55:28.25 UTC.
            #expect(conversation.createdAt == Date(timeIntervalSince1970: 1_738_137_328.25))
            #expect(conversation.updatedAt == ISO8601Timestamp.date(from: "2025-01-29T08:11:02.5Z"))
            #expect(conversation.metadata == ["model": "deepseek-reasoner"])
        }

        @Test func activeBranchFollowsTheBranchWithTheNewestMessage() throws {
            let (conversation, _) = try parse("deepseek/official.json")
            // At node 1 the regeneration 4 is newer than 2. At node 5 the answer 8 is newer than 6,
            // but the user went on under 6 (node 9 is the newest message of all).
            let order = conversation.activeBranch.map { "\($0.sourceID)\($0.hidden ? " (hidden)" : "")" }
            #expect(
                order == [
                    "1", "4#think-0 (hidden)", "4#search-1 (hidden)", "4", "5", "6", "7",
                    "9#tool_search-0 (hidden)", "9#tool_open-1 (hidden)", "9#read_link-2 (hidden)",
                    "9#tool_find-3 (hidden)",
                    "9#think-4 (hidden)", "9", "9#summary_card-6 (hidden)",
                ])
            #expect(conversation.activeBranch.map(\.activePosition) == Array(0..<14).map { $0 })
            #expect(conversation.messages.map(\.sourceID).suffix(2) == ["2", "8"])
            #expect(try message(conversation, "2").activePosition == nil)
            #expect(try message(conversation, "8").parentSourceID == "5")
        }

        @Test func fragmentsBecomeRolesAndHiddenMessages() throws {
            let (conversation, _) = try parse("deepseek/official.json")
            #expect(try message(conversation, "1").role == .user)
            #expect(try message(conversation, "4").role == .assistant)
            #expect(try message(conversation, "4").text == "Start at West Lake at dawn.")
            #expect(try message(conversation, "4#think-0").role == .assistant)
            #expect(try message(conversation, "4#think-0").contentType == "think")
            #expect(try message(conversation, "4#search-1").role == .tool)
            #expect(
                try message(conversation, "4#search-1").text
                    == "West Lake guide\nhttps://example.com/west-lake\nBoats leave hourly.")
            #expect(
                try message(conversation, "9#tool_search-0").text
                    == "longjing tea pairing\n\nTea pairing\nhttps://example.com/tea\nGreen tea suits shrimp.")
            #expect(
                try message(conversation, "9#tool_open-1").text
                    == "Tea pairing\nhttps://example.com/tea\nLongjing is a green tea.")
            #expect(try message(conversation, "9#read_link-2").text == "https://example.com/menu")
            #expect(try message(conversation, "9#tool_find-3").text == "found 3 matches for longjing")
            #expect(try message(conversation, "9#summary_card-6").role == .assistant)
            #expect(
                conversation.messages.filter(\.hidden).allSatisfy {
                    $0.parentSourceID == $0.sourceID.split(separator: "#").first.map(String.init)
                })
        }

        @Test func responseTimesEarlierThanTheirPromptDoNotReorder() throws {
            let (conversation, _) = try parse("deepseek/official.json")
            let prompt = try message(conversation, "5")
            let answer = try message(conversation, "6")
            #expect(try #require(answer.createdAt) < #require(prompt.createdAt))
            #expect(try #require(answer.activePosition) == #require(prompt.activePosition) + 1)
            #expect(answer.parentSourceID == "5")
        }

        @Test func filesBecomeAttachments() throws {
            let (conversation, _) = try parse("deepseek/official.json")
            #expect(
                try message(conversation, "1").attachments == [
                    Attachment(kind: .file, name: "itinerary.pdf", pointer: "file-a", size: 2048)
                ])
            #expect(
                try message(conversation, "7").attachments == [
                    Attachment(kind: .image, name: "menu.png", pointer: "file-b", size: 512)
                ])
            #expect(try message(conversation, "7").text == "And which tea goes with this menu?")
        }

        @Test func emptyConversationHasNoMessagesAndNoTitle() throws {
            let (conversation, diagnostics) = try parse("deepseek/official.json", 1)
            #expect(diagnostics.isEmpty)
            #expect(conversation.sourceID == "ds-empty")
            #expect(conversation.title == nil)
            #expect(conversation.messages.isEmpty)
        }

        @Test func currentNodeWinsWhenAToolAddedIt() throws {
            let (conversation, _) = try parse(
                inline: #"""
                    {"conversation_id": "c", "create_time": "2024-12-31T10:30:00+03:00", "current_node": "2", "mapping": {
                      "root": {"id": "root", "parent": null, "children": ["1"]},
                      "1": {"id": "1", "parent": "root", "children": ["2", "3"], "message": {"inserted_at": "2024-12-31T10:30:15+03:00", "fragments": [{"type": "REQUEST", "content": "q"}]}},
                      "2": {"id": "2", "parent": "1", "children": [], "message": {"inserted_at": "2024-12-31T10:31:00+03:00", "fragments": [{"type": "RESPONSE", "content": "older"}]}},
                      "3": {"id": "3", "parent": "1", "children": [], "message": {"inserted_at": "2024-12-31T10:35:00+03:00", "fragments": [{"type": "RESPONSE", "content": "newer"}]}}}}
                    """#)
            #expect(conversation.activeBranch.map(\.text) == ["q", "older"])
            #expect(conversation.createdAt == ISO8601Timestamp.date(from: "2024-12-31T07:30:00Z"))
        }

        @Test func damagedNodesAndFragmentsAreSkippedWithWarnings() throws {
            let (conversation, diagnostics) = try parse(
                inline: #"""
                    {"id": "d", "inserted_at": "2025-01-01T00:00:00+08:00", "current_node": "9", "mapping": {
                      "root": {"id": "root", "parent": null, "children": ["1"], "message": null},
                      "1": {"id": "1", "parent": "root", "children": ["2"], "message": {"fragments": [null, {"type": "REQUEST", "content": "hi"}]}},
                      "2": {"id": "2", "parent": "1", "children": ["3"], "message": "not an object"},
                      "3": {"id": "3", "parent": "2", "children": [], "message": {"fragments": [{"type": "RESPONSE", "content": "hello"}]}}}}
                    """#)
            #expect(conversation.activeBranch.map(\.text) == ["hi", "hello"])
            #expect(try message(conversation, "3").parentSourceID == "1")  // past the unreadable node 2
            #expect(diagnostics.count == 3)
            #expect(diagnostics.first?.message.hasPrefix("node 2: its message could not be read (at mapping") == true)
            #expect(diagnostics.first?.message.hasSuffix("; skipped, its replies were kept") == true)
            #expect(
                diagnostics.dropFirst().map(\.message) == [
                    "current_node 9 is not in the mapping; the active branch follows the newest message instead",
                    "node 1: fragments[0] is null; the rest of the message was kept",
                ])
            #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.conversation == "d" && $0.file == "inline" })
        }

        @Test func chatGPTConversationsAreRefused() {
            let chatGPT = #"""
                {"id": "g", "current_node": "a", "create_time": 1.0, "mapping": {"a": {"id": "a", "parent": null, "children": [],
                  "message": {"author": {"role": "user"}, "content": {"content_type": "text", "parts": ["hi"]}}}}}
                """#
            #expect(!parser.recognizes(Data(chatGPT.utf8)))
            let error = #expect(throws: ExportParseError.self) { try parse(inline: chatGPT) }
            #expect(error?.message.contains("ChatGPT") == true)
        }

        @Test(arguments: [
            (#"{"title": "x"}"#, "expected an object with \"mapping\""),
            (#"{"title": "x", "mapping": {}}"#, "it has no \"id\""),
            (#"{"id": "x", "mapping": []}"#, "not a readable DeepSeek conversation"),
            (#"{"id": "x", "mapping": {"n1": {"parent": null, "children": [], "message": null}}}"#, "no \"root\" node"),
        ])
        func wrongShapesAreRefused(json: String, reason: String) {
            let error = #expect(throws: ExportParseError.self) { try parse(inline: json) }
            #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        }

        // MARK: Web API capture

        @Test func captureFollowsCurrentMessageIDAcrossRoots() throws {
            let (conversation, diagnostics) = try parse("deepseek/capture.json")
            #expect(diagnostics.isEmpty)
            #expect(conversation.sourceID == "cap-1")
            #expect(conversation.title == "Capture tour")
            #expect(conversation.createdAt == Date(timeIntervalSince1970: 1_763_826_110.639))
            #expect(conversation.metadata.isEmpty)  // the capture's model is ""
            // current_message_id 3 is on the first root's branch, although root 4 is newer.
            #expect(conversation.activeBranch.map(\.sourceID) == ["1", "3"])
            #expect(conversation.messages.map(\.sourceID) == ["1", "3", "2#think-0", "2", "4", "5"])
            #expect(conversation.messages.map(\.parentSourceID) == [nil, "1", "2", "1", nil, "4"])
            #expect(try message(conversation, "2#think-0").text == "Five, seven, five.")
            #expect(
                try message(conversation, "4").attachments == [
                    Attachment(kind: .file, name: "notes.txt", pointer: "file-x", size: 42)
                ])
        }

        @Test func captureWithoutCurrentMessageFollowsTheNewestRoot() throws {
            var json = String(decoding: try Fixture.data("deepseek/capture.json"), as: UTF8.self)
            json = json.replacingOccurrences(of: #""current_message_id": 3"#, with: #""current_message_id": 77"#)
            let (conversation, diagnostics) = try parse(inline: json)
            #expect(conversation.activeBranch.map(\.sourceID) == ["4", "5"])
            #expect(
                diagnostics.map(\.message) == [
                    "current_message_id 77 is not among the messages; the active branch follows the newest message instead"
                ])
        }

        @Test func captureFromBeforeFragmentsReadsContentAndThinking() throws {
            let (conversation, _) = try parse(
                inline: #"""
                    {"code": 0, "data": {"biz_data": {"chat_session": {"id": "old", "current_message_id": 2}, "chat_messages": [
                      {"message_id": 1, "parent_id": null, "role": "USER", "content": "Why is the sky blue?", "inserted_at": 1738000000.5},
                      {"message_id": 2, "parent_id": 1, "role": "ASSISTANT", "content": "Rayleigh scattering.", "thinking_content": "Short answer.",
                       "search_results": [{"url": "https://example.com/sky", "title": "Sky"}]}]}}}
                    """#)
            #expect(conversation.activeBranch.map(\.sourceID) == ["1", "2#think-0", "2#search-1", "2"])
            #expect(
                conversation.activeBranch.map(\.text) == [
                    "Why is the sky blue?", "Short answer.", "Sky\nhttps://example.com/sky", "Rayleigh scattering.",
                ])
            #expect(conversation.activeBranch.first?.createdAt == Date(timeIntervalSince1970: 1_738_000_000.5))
        }

        @Test func captureEntriesThatCannotBeReadAreSkippedWithWarnings() throws {
            let (conversation, diagnostics) = try parse(
                inline: #"""
                    {"code": 0, "data": {"biz_data": {"chat_session": {"id": "s", "current_message_id": 3}, "chat_messages": [
                      {"message_id": 1, "parent_id": null, "role": "USER", "fragments": [{"type": "REQUEST", "content": "a"}]},
                      null,
                      {"parent_id": 1, "role": "ASSISTANT", "fragments": [{"type": "RESPONSE", "content": "no id"}]},
                      {"message_id": 1, "parent_id": null, "role": "USER", "fragments": [{"type": "REQUEST", "content": "again"}]},
                      {"message_id": 3, "parent_id": 1, "role": "ASSISTANT", "fragments": [{"type": "RESPONSE", "content": "b"}]}]}}}
                    """#)
            #expect(conversation.activeBranch.map(\.text) == ["a", "b"])
            #expect(
                diagnostics.map(\.message) == [
                    "chat_messages[1] is null; skipped",
                    "chat_messages[2] has no message_id; skipped",
                    "chat_messages[3] repeats message 1; the first copy was kept",
                ])
        }

        @Test func captureOfAnErrorResponseIsRefused() {
            let error = #expect(throws: ExportParseError.self) {
                try parse(inline: #"{"code": 40003, "msg": "Authorization Failed", "data": null}"#)
            }
            #expect(error?.message.contains("code 40003, Authorization Failed") == true)
            let noSession = #expect(throws: ExportParseError.self) {
                try parse(inline: #"{"code": 0, "data": {"biz_data": {"chat_messages": []}}}"#)
            }
            #expect(noSession?.message.contains("chat_session.id") == true)
        }

        @Test func recognitionNeedsDeepSeekMarks() throws {
            #expect(parser.recognizes(try Fixture.elements("deepseek/capture.json")[0]))
            #expect(
                parser.recognizes(
                    Data(
                        #"{"id": "e", "inserted_at": "2025-01-01T00:00:00Z", "mapping": {"root": {"message": null}}}"#
                            .utf8)))
            #expect(!parser.recognizes(Data(#"{"id": "e", "mapping": {"root": {"message": null}}}"#.utf8)))
            #expect(!parser.recognizes(Data(#"{"code": 0, "data": {"items": []}}"#.utf8)))
        }
    }
}
