import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// The second reading path: files routed by content to a `DocumentParser` and read whole.
    @Suite struct DocumentReaderTests {
        @Test func markdownFileNamedDirectly() throws {
            let record = try ExportReadRecord.read(Fixture.path("transcript/bold-labels.md"))
            #expect(record.summary.platforms == [.transcript])
            #expect(record.summary.files == [Fixture.path("transcript/bold-labels.md")])
            #expect(record.conversations.count == 1)
            #expect(record.progress.last?.conversations == 1)
            #expect(record.diagnostics.isEmpty)
        }

        @Test func geminiJSONIsClaimedFromItsFirstRecordAndReadWhole() throws {
            // Chunks of 7 bytes: the claim comes long after reading began.
            let record = try ExportReadRecord.read(
                Fixture.path("gemini/MyActivity.json"), limits: ImportLimits(readChunkSize: 7))
            #expect(record.summary.platforms == [.gemini])
            #expect(record.conversations.count == 4)
            #expect(record.warnings.count == 2)
            #expect(record.errors.isEmpty)
        }

        @Test func extensionlessAIStudioPromptInAFolder() throws {
            let folder = try TemporaryFolder()
            try folder.write(
                "Google AI Studio/Kyoto itinerary", Fixture.data("gemini/Google AI Studio/Kyoto itinerary"))
            try folder.write("Google AI Studio/LICENSE", "Permission is hereby granted")
            try folder.write("Google AI Studio/blob", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]))
            let record = try ExportReadRecord.read(folder.path)
            #expect(record.conversations.map(\.sourceID) == ["aistudio:Kyoto itinerary"])
            // Extension-less files that are not prompts are passed over silently.
            #expect(record.diagnostics.isEmpty)
        }

        @Test func takeoutArchive() throws {
            let folder = try TemporaryFolder()
            let url = folder.url.appendingPathComponent("takeout-20250601T120000Z-001.zip")
            try ZIPBuilder.write(
                [
                    ZIPBuilder.Member(
                        path: "Takeout/archive_browser.html", data: Data("<html><body>Takeout</body></html>".utf8)),
                    ZIPBuilder.Member(
                        path: "Takeout/My Activity/Gemini Apps/MyActivity.json",
                        data: try Fixture.data("gemini/MyActivity.json")),
                    ZIPBuilder.Member(
                        path: "Takeout/My Activity/Gemini Apps/image_89b1bd-1e9873211d1a6157.png",
                        data: Data([0x89, 0x50, 0x4E, 0x47])),
                ], to: url)
            let record = try ExportReadRecord.read(url.path)
            #expect(record.conversations.count == 4)
            #expect(record.summary.files == [url.path + "/Takeout/My Activity/Gemini Apps/MyActivity.json"])
            #expect(record.diagnostics.map(\.file).allSatisfy { $0.hasSuffix("MyActivity.json") })
        }

        @Test func folderOfMixedDocuments() throws {
            let folder = try TemporaryFolder()
            try folder.write("chats/tea.md", "User: Green or black?\n\nAssistant: Green.\n")
            try folder.write("chats/README.txt", "These are my chats.")
            try folder.write("MyActivity.html", Fixture.data("gemini/MyActivity-de.html"))
            let record = try ExportReadRecord.read(folder.path)
            #expect(record.summary.platforms == [.gemini, .transcript])
            #expect(record.conversations.count == 2)
            let warning = try #require(record.warnings.first)
            #expect(record.warnings.count == 1)
            #expect(warning.file == folder.path + "/chats/README.txt")
            #expect(warning.message == "not a chat export (text without the turns of a chat transcript); skipped")
        }

        @Test func textThatIsNoTranscriptNamesBothReasons() throws {
            let error = #expect(throws: RecallError.self) {
                try ExportReadRecord.read(Fixture.path("transcript/notes.md"))
            }
            #expect(error?.code == .unrecognizedFormat)
            #expect(
                error?.message.contains(
                    "it is not JSON (expected `[` or `{` at byte 0), and it has 1 line(s) that look like role labels")
                    == true)
            // What was expected, never what was found: the file's first byte is not repeated.
            #expect(error?.message.contains("`#`") == false)
            #expect(error?.message.contains("a Markdown or text chat transcript") == true)
        }

        @Test func binaryFileIsRefusedAtOnce() throws {
            let folder = try TemporaryFolder()
            var bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
            bytes.append(Data(count: 200_000))
            let path = try folder.write("photo.dat", bytes)
            let error = #expect(throws: RecallError.self) { try ExportReadRecord.read(path) }
            #expect(error?.code == .unrecognizedFormat)
            #expect(
                error?.message.contains("(expected `[` or `{` at byte 0), and it is a binary file, not text") == true)
            #expect(error?.message.contains("0x89") == false)
        }

        @Test func utf16TranscriptIsReadAsText() throws {
            let folder = try TemporaryFolder()
            var bytes = Data([0xFF, 0xFE])
            bytes.append("User: hello\r\n\r\nAssistant: hi there\r\n".data(using: .utf16LittleEndian) ?? Data())
            let record = try ExportReadRecord.read(try folder.write("chat.txt", bytes))
            #expect(record.conversations.first?.activeBranch.map(\.text) == ["hello", "hi there"])
        }

        @Test func invalidUTF8InADocumentIsRepairedWithAWarning() throws {
            let folder = try TemporaryFolder()
            var bytes = Data("User: caf".utf8)
            bytes.append(0xE9)
            bytes.append(Data("\n\nAssistant: ok\n".utf8))
            let record = try ExportReadRecord.read(try folder.write("chat.md", bytes))
            #expect(record.conversations.first?.activeBranch.first?.text == "caf\u{FFFD}")
            #expect(record.warnings.map(\.offset) == [9])
        }

        @Test func documentOverTheLimitIsTooLarge() throws {
            let text = #expect(throws: RecallError.self) {
                try ExportReadRecord.read(
                    Fixture.path("transcript/chatgpt-exporter.md"),
                    limits: ImportLimits(maxDocumentSize: 500, readChunkSize: 100))
            }
            #expect(text?.code == .tooLarge)
            let json = #expect(throws: RecallError.self) {
                try ExportReadRecord.read(
                    Fixture.path("gemini/MyActivity.json"),
                    limits: ImportLimits(maxDocumentSize: 1000, readChunkSize: 100))
            }
            #expect(json?.code == .tooLarge)
            #expect(json?.message.contains("Gemini My Activity file") == true)
        }

        @Test func forcedPlatformNarrowsDetectionToItsFormats() throws {
            let gemini = try ExportReadRecord.read(Fixture.path("gemini/MyActivity-de.html"), platform: .gemini)
            #expect(gemini.conversations.count == 1)
            let transcript = try ExportReadRecord.read(
                Fixture.path("transcript/chatgpt-exporter.txt"), platform: .transcript)
            #expect(transcript.summary.platforms == [.transcript])
            #expect(throws: RecallError.self) {
                try ExportReadRecord.read(Fixture.path("transcript/chatgpt-exporter.txt"), platform: .gemini)
            }
            let claude = try ExportReadRecord.read(Fixture.path("claude-projects/projects.json"), platform: .claude)
            #expect(claude.conversations.count == 2)
        }

        @Test(arguments: [
            ("Takeout/My Activity/Gemini Apps/MyActivity.html", MemberSelection.Role.document),
            ("notes/chat.MD", .document), ("chat.txt", .document), ("conversations.json", .conversations),
            ("projects.json", .optional), ("Google AI Studio/Untitled prompt", .probe), ("chat.html", .ignored),
            ("Takeout/archive_browser.html", .ignored), ("photo.png", .ignored), ("conversations.json.index", .ignored),
            ("export.zip", .archive),
        ])
        func membersAreChosenByName(path: String, role: MemberSelection.Role) {
            #expect(MemberSelection.role(of: path) == role)
        }
    }
}
