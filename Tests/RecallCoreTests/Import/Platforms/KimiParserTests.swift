import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct KimiParserTests {
        let parser = KimiParser()

        func parse(_ fixture: String, _ index: Int = 0) throws -> (ParsedConversation, [ImportDiagnostic]) {
            try parser.parse(element: try Fixture.elements(fixture)[index], file: fixture)
        }

        func parse(inline json: String) throws -> (ParsedConversation, [ImportDiagnostic]) {
            try parser.parse(element: Data(json.utf8), file: "inline")
        }

        func message(_ conversation: ParsedConversation, _ id: String) throws -> ParsedMessage {
            try #require(conversation.messages.first { $0.sourceID == id }, "no message \(id)")
        }

        @Test func rawFileChatFields() throws {
            let (conversation, diagnostics) = try parse("kimi/raw-chat.json")
            #expect(diagnostics.isEmpty)
            #expect(conversation.platform == .kimi)
            #expect(conversation.sourceID == "d3p0ism4t3oisrtcck30")
            #expect(conversation.title == "Trip notes")  // U+E700 removed
            #expect(conversation.createdAt == ISO8601Timestamp.date(from: "2025-10-17T09:16:34.570307Z"))
            #expect(conversation.updatedAt == Date(timeIntervalSince1970: 1_760_700_000.5))  // {seconds, nanos}
            #expect(conversation.metadata == ["model": "kimi-k2", "project": "Travel", "pinned": "true"])
        }

        @Test func blocksBecomeVisibleAndHiddenMessagesInOrder() throws {
            let (conversation, _) = try parse("kimi/raw-chat.json")
            let order = conversation.activeBranch.map { "\($0.sourceID)\($0.hidden ? " (hidden)" : "")" }
            #expect(
                order == [
                    "m1", "m2#think-0 (hidden)", "m2", "m2#search-2 (hidden)", "m3",
                    "m4#tool-0 (hidden)", "m4#artifact-1 (hidden)", "m4#someBrandNewBlock-3 (hidden)",
                    "m4#error-4 (hidden)", "m4",
                ])
            #expect(conversation.activeBranch.map(\.activePosition) == Array(0..<10).map { $0 })
            // The system stub has nothing to keep; the `memory` block has no text.
            #expect(!conversation.messages.contains { $0.sourceID == "s1" || $0.sourceID.hasPrefix("m4#memory") })
            #expect(conversation.messages.count == 11)
        }

        @Test func theLastChildThatGoesOnIsTheMainline() throws {
            let (conversation, _) = try parse("kimi/raw-chat.json")
            // m2b is m1's last child, but a cancelled dead end; m2 goes on.
            let regeneration = try message(conversation, "m2b")
            #expect(regeneration.activePosition == nil)
            #expect(regeneration.role == .assistant)  // role 3
            #expect(regeneration.parentSourceID == "m1")
            #expect(try message(conversation, "m1").parentSourceID == nil)  // the stub is not stored
            #expect(try message(conversation, "m3").parentSourceID == "m2")
        }

        @Test func textIsCleanedOfPrivateUseCharactersAndCitationMarkers() throws {
            let (conversation, _) = try parse("kimi/raw-chat.json")
            #expect(try message(conversation, "m1").text == "Where should I go in Kyoto?")
            #expect(try message(conversation, "m2").text == "Visit Fushimi Inari[1] and Kinkaku-ji[2]. See 【the map】.")
        }

        @Test(arguments: [
            ("a\u{E700}b\u{F0001}c", "abc"),
            ("x【3:1†Title†example.com】y", "x[3]y"),
            ("【12】【7†s】", "[12][7]"),
            ("a[^1^][^22^] b[^x^]", "a[1][22] b[^x^]"),
            ("【unclosed and 【2】", "【unclosed and [2]"),
            ("no markers", "no markers"),
        ])
        func cleaning(input: String, expected: String) {
            #expect(KimiParser.clean(input) == expected)
        }

        @Test func hiddenBlocksCarryTheirText() throws {
            let (conversation, _) = try parse("kimi/raw-chat.json")
            #expect(try message(conversation, "m2#think-0").text == "The user wants temples.")
            #expect(
                try message(conversation, "m2#search-2").text
                    == "Kyoto temples\n\nKyoto guide\nhttps://example.com/kyoto\nTop temples")
            #expect(try message(conversation, "m2#search-2").role == .tool)
            #expect(
                try message(conversation, "m4#tool-0").text
                    == "web_search\n\n{\"query\":\"kyoto bus\"}\n\nFound 45 results\n\nKyoto bus map\nhttps://example.com/bus"
            )
            #expect(try message(conversation, "m4#artifact-1").text == "route.sh\n\necho Kyoto")
            #expect(try message(conversation, "m4#error-4").text == "Context too long")
            #expect(try message(conversation, "m4#someBrandNewBlock-3").contentType == "someBrandNewBlock")
            #expect(try message(conversation, "m4").text == "Here is your route.")
        }

        @Test func filesAndReferencesBecomeAttachments() throws {
            let (conversation, _) = try parse("kimi/raw-chat.json")
            #expect(
                try message(conversation, "m1").attachments == [
                    Attachment(
                        kind: .image, name: "map.jpg", pointer: "https://cdn.example.com/img/map.jpg?sig=abc",
                        size: 204_800, mimeType: "image/jpeg")
                ])
            #expect(
                try message(conversation, "m4").attachments == [
                    Attachment(
                        kind: .image, pointer: "https://cdn.example.com/img/bus-full.png", description: "Bus map"),
                    Attachment(
                        kind: .file, name: "route.pdf", pointer: "https://sandbox.example.com/route.pdf", size: 51_200),
                ])
        }

        @Test func timesInEveryEncoding() throws {
            let (conversation, _) = try parse("kimi/raw-chat.json")
            #expect(try message(conversation, "m3").createdAt == Date(timeIntervalSince1970: 1_760_693_000))
            #expect(try message(conversation, "m4").createdAt == Date(timeIntervalSince1970: 1_760_693_010.25))
        }

        @Test func aBareMessagePageBorrowsItsFirstMessageID() throws {
            let (conversation, diagnostics) = try parse("kimi/messages-page.json")
            #expect(conversation.sourceID == "n1")
            #expect(conversation.title == nil)
            #expect(conversation.createdAt == ISO8601Timestamp.date(from: "2026-09-04T03:30:00Z"))
            #expect(conversation.updatedAt == ISO8601Timestamp.date(from: "2026-09-04T03:31:00Z"))
            #expect(conversation.activeBranch.map(\.role) == [.user, .assistant])  // ROLE_USER, ROLE_ASSISTANT
            #expect(diagnostics.map(\.message) == ["has no chat id; the id of its first message, n1, stands in for it"])
        }

        @Test func anArrayOfChatsWithTheirMessages() throws {
            let (first, _) = try parse("kimi/chats.json", 0)
            #expect(first.sourceID == "chat-a")
            #expect(first.title == "First chat")
            #expect(first.activeBranch.map(\.text) == ["Hello Kimi", "Hello! How can I help?"])
            let (empty, _) = try parse("kimi/chats.json", 1)
            #expect(empty.sourceID == "chat-b")
            #expect(empty.messages.isEmpty)
        }

        @Test func aChatListIsRecognisedButRefusedWithAHint() throws {
            let element = try Fixture.elements("kimi/chat-list.json")[0]
            #expect(parser.recognizes(element))
            let error = #expect(throws: ExportParseError.self) { try parser.parse(element: element, file: "list") }
            #expect(error?.message.contains("2 chats") == true)
            #expect(error?.message.contains("raw/<chat-id>.json") == true)
        }

        @Test func damagedMessagesAndBlocksAreSkippedWithWarnings() throws {
            let (conversation, diagnostics) = try parse(
                inline: #"""
                    {"chatId": "k", "messages": [
                      {"id": "1", "parentId": "", "role": "user", "blocks": [null, {"text": {"content": "hi"}}]},
                      42,
                      {"parentId": "1", "role": "assistant", "blocks": []},
                      {"id": "2", "parentId": "1", "role": "assistant", "blocks": [{"text": {"content": "hello"}}]}]}
                    """#)
            #expect(conversation.activeBranch.map(\.text) == ["hi", "hello"])
            #expect(diagnostics.count == 3)
            #expect(diagnostics[0].message.hasPrefix("messages[1] could not be read ("))
            #expect(diagnostics[1].message == "messages[2] has no id; skipped")
            #expect(diagnostics[2].message == "message 1: blocks[0] is null; the rest of it was kept")
            #expect(diagnostics.allSatisfy { $0.conversation == "k" })
        }

        @Test(arguments: [
            (#"{"id": "x", "name": "n"}"#, "expected an object with \"messages\""),
            (#"{"messages": [{"role": "user", "content": "generic chat"}]}"#, "no \"blocks\""),
            (#"{"messages": {}}"#, "not a readable Kimi conversation"),
            (#"{"messages": []}"#, "no chat id"),
        ])
        func wrongShapesAreRefused(json: String, reason: String) {
            let error = #expect(throws: ExportParseError.self) { try parse(inline: json) }
            #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        }

        @Test func anExporterFolderImportsOnce() throws {
            let folder = try TemporaryFolder()
            let export = "kimi-export-2025-10-20/"
            try folder.write(export + "raw/d3p0ism4t3oisrtcck30.json", try Fixture.data("kimi/raw-chat.json"))
            try folder.write(export + "raw/n1.json", try Fixture.data("kimi/messages-page.json"))
            try folder.write(export + "markdown/2025-10-17-Trip notes_d3p0ism4t3oisrtcck30.md", "# Trip notes")
            try folder.write(export + "report.md", "# Report")
            let recall = Recall.inMemory()
            let first = try recall.importChats(ImportRequest(path: folder.path))
            #expect(first.platform == "kimi")
            #expect(first.chatsAdded == 2)
            #expect(first.skipped == 0)
            #expect(first.diagnostics.filter { $0.severity == .error }.isEmpty)
            let second = try recall.importChats(ImportRequest(path: folder.path))
            #expect(second.chatsAdded == 0 && second.chatsUpdated == 0 && second.chatsUnchanged == 2)
        }

        @Test func noOtherParserTakesAChatObject() throws {
            for element in try Fixture.elements("kimi/chats.json") {
                for other in ExportParsers.all where other.platform != .kimi {
                    #expect(!other.recognizes(element), "\(other.platform)")
                }
            }
        }

        @Test func recognitionNeedsKimiMarks() {
            #expect(!parser.recognizes(Data(#"{"messages": [{"role": "user", "content": "hi"}]}"#.utf8)))
            #expect(!parser.recognizes(Data(#"{"messages": []}"#.utf8)))
            #expect(parser.recognizes(Data(#"{"schema": "kimi-raw/1", "chatId": "c", "messages": []}"#.utf8)))
            #expect(
                parser.recognizes(
                    Data(
                        #"{"messages": [{"id": "1", "role": 2, "status": "MESSAGE_STATUS_COMPLETED", "blocks": []}]}"#
                            .utf8)))
            #expect(!parser.recognizes(Data(#"{"chats": [{"id": "1", "name": "n"}]}"#.utf8)))
        }
    }
}
