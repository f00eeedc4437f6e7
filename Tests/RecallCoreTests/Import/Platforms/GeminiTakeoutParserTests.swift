import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// `fixtures/gemini/MyActivity.json` holds 11 records, newest first: 7 prompts, 3 other
    /// Gemini events (a Canvas document, feedback, a chosen draft) and one Search record.
    @Suite struct GeminiTakeoutParserTests {
        let parser = GeminiTakeoutParser()

        func parse(_ json: String) throws -> DocumentParse {
            try parser.parse(document: Data(json.utf8), file: "MyActivity.json")
        }

        func fixture() throws -> DocumentParse {
            try parser.parse(document: try Fixture.data("gemini/MyActivity.json"), file: "gemini/MyActivity.json")
        }

        @Test func promptsAreGroupedIntoConversations() throws {
            let result = try fixture()
            // Oldest first: a Bard-era question alone; two prompts 12 minutes apart; two prompts to
            // the same Gem; two prompts a day apart that link to the same conversation.
            #expect(
                result.conversations.map(\.sourceID) == [
                    "activity-2024-01-10T08:30:00.000Z", "activity-2025-05-01T10:00:00.000Z",
                    "activity-2025-05-01T14:00:00.000Z", "94cecb9cb34fa6cf",
                ])
            #expect(result.conversations.map { $0.messages.count } == [2, 5, 4, 4])
            #expect(
                result.conversations.map(\.metadata["grouping"]) == [
                    "time gap", "time gap", "time gap", "conversation link",
                ])
            #expect(result.conversations.allSatisfy { $0.platform == .gemini })
            #expect(result.skipped == 0)
        }

        @Test func leftOutRecordsAreCountedInWarnings() throws {
            let messages = try fixture().diagnostics.map(\.message)
            #expect(messages.count == 2)
            #expect(messages.contains("1 record(s) belong to other Google products (Search) and were not imported"))
            #expect(
                messages.contains {
                    $0.hasPrefix("3 activity record(s) are not prompts (") && $0.contains("Gave feedback ×1")
                        && $0.contains("Created ×1")
                })
        }

        @Test func promptAndAnswerText() throws {
            let hashes = try fixture().conversations[1]
            #expect(hashes.title == "What is a hash table?")
            let active = hashes.activeBranch
            #expect(active.map(\.role) == [.user, .assistant, .user, .assistant])
            #expect(active[0].text == "What is a hash table?\nAnswer briefly.")
            #expect(
                active[1].text == """
                    A hash table maps keys to values using a hash function. It's the structure behind Python's dict & "maps".

                    ```
                    table = {}
                    table["key"] = 42
                    ```

                    Lookups take O(1) time on average.
                    """)
            #expect(active[0].createdAt == ISO8601Timestamp.date(from: "2025-05-01T10:00:00Z"))
            #expect(
                active.map(\.sourceID) == [
                    "2025-05-01T10:00:00.000Z/prompt", "2025-05-01T10:00:00.000Z/answer",
                    "2025-05-01T10:12:00.000Z/prompt", "2025-05-01T10:12:00.000Z/answer-2",
                ])
            #expect(active.map(\.parentSourceID) == [nil, active[0].sourceID, active[1].sourceID, active[2].sourceID])
        }

        @Test func regeneratedAnswersKeepTheLastOnTheActiveBranch() throws {
            let hashes = try fixture().conversations[1]
            let kept = try #require(hashes.activeBranch.last)
            #expect(
                kept.text
                    == "Two common ways:\n\n- Chaining – a list per bucket\n- Open addressing – probe for the next free slot"
            )
            let earlier = try #require(hashes.messages.first { $0.sourceID == "2025-05-01T10:12:00.000Z/answer-1" })
            #expect(earlier.activePosition == nil)
            #expect(earlier.parentSourceID == "2025-05-01T10:12:00.000Z/prompt")
            #expect(earlier.text == "With chaining: each bucket keeps a list.")
        }

        @Test func gemsAndAttachments() throws {
            let kyoto = try fixture().conversations[2]
            #expect(kyoto.metadata["gem"] == "Travel Buddy")
            #expect(
                kyoto.activeBranch[1].text
                    == "Day 1\n\n1. Fushimi Inari at dawn\n2. Tofuku-ji\n\nDay 2\n\nArashiyama & the bamboo grove.")
            let photo = kyoto.activeBranch[2]
            #expect(photo.text == "Describe this photo")
            #expect(
                photo.attachments == [
                    Attachment(kind: .image, name: "image_89b1bd.png", pointer: "image_89b1bd-1e9873211d1a6157.png")
                ])
        }

        @Test func olderRecordsWithoutHTMLAnswerInSubtitles() throws {
            let everest = try fixture().conversations[0]
            #expect(
                everest.activeBranch.map(\.text) == [
                    "how tall is Mount Everest", "Mount Everest is 8,849 metres tall.",
                ])
            #expect(everest.createdAt == ISO8601Timestamp.date(from: "2024-01-10T08:30:00Z"))
        }

        @Test func conversationLinkJoinsPromptsDaysApart() throws {
            let story = try fixture().conversations[3]
            #expect(story.title == "Write the opening of a story about a lighthouse")
            #expect(
                story.activeBranch.map(\.text) == [
                    "Write the opening of a story about a lighthouse", "The lamp had not turned for thirty years.",
                    "Continue the story from yesterday", "The lighthouse keeper finally opened the door.",
                ])
            #expect(story.updatedAt == ISO8601Timestamp.date(from: "2025-05-03T09:00:00.250Z"))
        }

        @Test func pauseOrAnotherGemStartsANewConversation() throws {
            func record(_ time: String, _ prompt: String, gem: String? = nil) -> String {
                let subtitles =
                    gem.map { #", "subtitles": [{"name": "\#($0) was used in this chat. Manage your Gems."}]"# } ?? ""
                return
                    #"{"header": "Gemini Apps", "title": "Prompted \#(prompt)", "time": "\#(time)", "safeHtmlItem": [{"html": "<p>ok</p>"}]\#(subtitles)}"#
            }
            let result = try parse(
                "["
                    + [
                        record("2025-01-01T11:25:00Z", "d", gem: "Coach"), record("2025-01-01T11:20:00Z", "c"),
                        record("2025-01-01T11:00:00Z", "b"), record("2025-01-01T10:00:00Z", "a"),
                    ].joined(separator: ",") + "]")
            #expect(
                result.conversations.map { $0.activeBranch.filter { $0.role == .user }.map(\.text) } == [
                    ["a"], ["b", "c"], ["d"],
                ])
        }

        @Test func unknownVerbIsLearnedFromTheRecords() throws {
            let records = (0..<4).map { index in
                #"{"header": "Gemini-Apps", "title": "Eingegeben: Frage \#(index)", "time": "2025-01-01T10:0\#(index):00Z", "products": ["Gemini-Apps"], "safeHtmlItem": [{"html": "Antwort"}]}"#
            }
            let result = try parse("[" + records.joined(separator: ",") + "]")
            #expect(result.conversations.count == 1)
            #expect(
                result.conversations[0].activeBranch.filter { $0.role == .user }.map(\.text) == [
                    "Frage 0", "Frage 1", "Frage 2", "Frage 3",
                ])
            #expect(result.diagnostics.isEmpty)
        }

        @Test func colonAfterTheVerbGoesColonEndingThePromptStays() throws {
            let result = try parse(
                #"[{"header": "Gemini Apps", "title": "Asked: Translate this:", "time": "2025-01-01T10:00:00Z", "safeHtmlItem": [{"html": "Sure."}]}]"#
            )
            #expect(result.conversations.first?.activeBranch.first?.text == "Translate this:")
        }

        @Test func unreadableRecordIsAnErrorTheOthersStay() throws {
            let result = try parse(
                #"[42, {"header": "Gemini Apps", "title": "Prompted hi", "time": "2025-01-01T10:00:00Z", "safeHtmlItem": [{"html": "hello"}]}]"#
            )
            #expect(result.conversations.count == 1)
            let error = try #require(result.diagnostics.first)
            #expect(error.severity == .error)
            #expect(error.conversation == "#0")
            #expect(error.offset == 1)
        }

        @Test func truncatedFileKeepsTheRecordsBeforeTheCut() throws {
            let result = try parse(
                #"[{"header": "Gemini Apps", "title": "Prompted hi", "time": "2025-01-01T10:00:00Z", "safeHtmlItem": [{"html": "hello"}]}, {"header": "Gem"#
            )
            #expect(result.conversations.count == 1)
            #expect(result.diagnostics.map(\.severity) == [.warning])
        }

        @Test func fileOfAnotherProductIsNotGemini() {
            #expect(throws: ExportParseError.self) {
                try parse(
                    #"[{"header": "YouTube", "title": "Watched a video", "time": "2025-01-01T10:00:00Z", "products": ["YouTube"]}]"#
                )
            }
        }

        @Test(arguments: [
            (#"{"header": "Gemini Apps", "title": "Prompted hi", "time": "2025-01-01T00:00:00Z"}"#, true),
            (#"{"title": "Prompted hi", "time": "2025-01-01T00:00:00Z", "products": ["Gemini Apps"]}"#, true),
            (#"{"header": "Bard", "title": "Asked hi", "time": "2024-01-01T00:00:00Z"}"#, true),
            (#"{"header": "Search", "title": "Searched for hi", "time": "2025-01-01T00:00:00Z"}"#, false),
            (#"{"header": "Gemini Apps", "title": "Prompted hi"}"#, false),
        ])
        func recognisesGeminiRecords(sample: String, expected: Bool) {
            #expect(parser.recognizes(.jsonElement(Data(sample.utf8))) == expected)
            #expect(!parser.recognizes(.text(head: sample)))
        }
    }
}
