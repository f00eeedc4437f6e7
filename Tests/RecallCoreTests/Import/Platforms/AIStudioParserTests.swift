import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct AIStudioParserTests {
        let parser = AIStudioParser()
        static let file = "gemini/Google AI Studio/Kyoto itinerary"

        func conversation() throws -> ParsedConversation {
            let result = try parser.parse(document: try Fixture.data(Self.file), file: Fixture.path(Self.file))
            #expect(result.diagnostics.isEmpty)
            return try #require(result.conversations.first)
        }

        @Test func namedAfterTheFileWithTheModel() throws {
            let chat = try conversation()
            #expect(chat.platform == .gemini)
            #expect(chat.sourceID == "aistudio:Kyoto itinerary")
            #expect(chat.title == "Kyoto itinerary")
            #expect(chat.metadata == ["model": "gemini-2.5-pro", "source": "Google AI Studio"])
            #expect(chat.createdAt == nil)
        }

        @Test func chunksInOrderThoughtsAndInstructionsHidden() throws {
            let active = try conversation().activeBranch
            #expect(
                active.map(\.sourceID) == [
                    "system-instruction", "chunk-0", "chunk-1", "chunk-2", "chunk-3", "chunk-4", "chunk-6",
                ])
            #expect(active.map(\.role) == [.system, .user, .assistant, .assistant, .user, .user, .assistant])
            #expect(active.map(\.hidden) == [true, false, true, false, false, false, false])
            #expect(active[0].text == "You are a concise travel planner. Answer in bullet points.")
            // A thought chunk without `text` is read from its parts.
            #expect(active[2].text == "**Weighing indoor options**\n\nMuseums, tea houses, covered markets.")
            #expect(active[2].contentType == "thought")
            #expect(
                active[4].attachments == [
                    Attachment(kind: .file, name: "driveDocument", pointer: "1AbCdEfGhIjKlMnOpQrStUvWxYz")
                ])
            #expect(active.map(\.parentSourceID) == [nil] + active.dropLast().map(\.sourceID))
        }

        @Test func jsonExtensionIsNotPartOfTheName() {
            #expect(
                AIStudioParser.name(of: "/exports/Drive/Google AI Studio/Untitled prompt.json") == "Untitled prompt")
        }

        @Test func unknownRoleIsKeptWithAWarning() throws {
            let json =
                #"{"chunkedPrompt": {"chunks": [{"role": "user", "text": "hi"}, {"role": "critic", "text": "meh"}]}}"#
            let result = try parser.parse(document: Data(json.utf8), file: "p")
            #expect(result.conversations.first?.messages.map(\.role) == [.user, .system])
            #expect(result.diagnostics.count == 1)
        }

        @Test(arguments: [
            (#"{"chunkedPrompt": {"chunks": [{"role": "user", "text": "hi"}]}, "runSettings": {}}"#, true),
            (#"{"chunkedPrompt": {"chunks": []}}"#, true),
            (#"{"chunkedPrompt": {"chunks": [{"text": "no role"}]}}"#, false),
            (#"{"runSettings": {"model": "models/x"}}"#, false),
        ])
        func recognisesPromptFiles(sample: String, expected: Bool) {
            #expect(parser.recognizes(.jsonElement(Data(sample.utf8))) == expected)
        }
    }
}
