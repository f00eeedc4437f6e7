import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// Detection reads content: each format recognises its own files and rejects every other
    /// format's, on both reading paths (element parsers see JSON elements, document parsers a
    /// JSON element or the beginning of a text file).
    @Suite struct ExportFormatDetectionTests {
        /// A bundled fixture and the format (parser type) that owns it.
        struct Case: Sendable, CustomTestStringConvertible {
            var file: String
            var format: String
            var testDescription: String { file }
        }

        static let fixtures: [Case] = [
            Case(file: "chatgpt/branches.json", format: "ChatGPTParser"),
            Case(file: "chatgpt/content-types.json", format: "ChatGPTParser"),
            Case(file: "chatgpt/tree-edge-cases.json", format: "ChatGPTParser"),
            Case(file: "chatgpt-shards/conversations-000.json", format: "ChatGPTParser"),
            Case(file: "claude/blocks.json", format: "ClaudeParser"),
            Case(file: "claude/branches.json", format: "ClaudeParser"),
            Case(file: "claude/wrapped.json", format: "ClaudeParser"),
            Case(file: "claude-projects/projects.json", format: "ClaudeProjectsParser"),
            Case(file: "deepseek/official.json", format: "DeepSeekParser"),
            Case(file: "deepseek/capture.json", format: "DeepSeekParser"),
            Case(file: "grok/backend.json", format: "GrokParser"),
            Case(file: "kimi/raw-chat.json", format: "KimiParser"),
            Case(file: "kimi/messages-page.json", format: "KimiParser"),
            Case(file: "gemini/MyActivity.json", format: "GeminiTakeoutParser"),
            Case(file: "gemini/MyActivity.html", format: "GeminiActivityHTMLParser"),
            Case(file: "gemini/MyActivity-de.html", format: "GeminiActivityHTMLParser"),
            Case(file: "gemini/Google AI Studio/Kyoto itinerary", format: "AIStudioParser"),
            Case(file: "transcript/chatgpt-exporter.md", format: "TranscriptParser"),
            Case(file: "transcript/chatgpt-exporter.txt", format: "TranscriptParser"),
            Case(file: "transcript/prompt-response.md", format: "TranscriptParser"),
            Case(file: "transcript/bold-labels.md", format: "TranscriptParser"),
            Case(file: "transcript/human-assistant.txt", format: "TranscriptParser"),
            Case(file: "transcript/claude-code-log.md", format: "TranscriptParser"),
            Case(file: "transcript/obsidian-gemini.md", format: "TranscriptParser"),
        ]

        static func name(_ parser: Any) -> String { String(describing: type(of: parser)) }

        /// What a document parser is shown: the first element of a JSON file, else the text.
        static func sample(_ file: String) throws -> DocumentSample {
            if let first = (try? Fixture.elements(file))?.first { return .jsonElement(first) }
            return .text(head: String(decoding: try Fixture.data(file), as: UTF8.self))
        }

        @Test(arguments: fixtures)
        func formatsRecogniseOnlyTheirOwnFiles(fixture: Case) throws {
            let elements = (try? Fixture.elements(fixture.file)) ?? []  // none for text files
            for parser in ExportParsers.all {
                let own = Self.name(parser) == fixture.format
                if let first = elements.first {
                    #expect(parser.recognizes(first) == own, "\(Self.name(parser)) on \(fixture.file)")
                }
                guard !own else { continue }
                for element in elements.isEmpty ? [try Fixture.data(fixture.file)] : elements {
                    #expect(throws: ExportParseError.self, "\(Self.name(parser)) on \(fixture.file)") {
                        try parser.parse(element: element, file: fixture.file)
                    }
                }
            }
            let sample = try Self.sample(fixture.file)
            for parser in DocumentParsers.all {
                let own = Self.name(parser) == fixture.format
                if own || parser.input == .json {
                    #expect(parser.recognizes(sample) == own, "\(Self.name(parser)) on \(fixture.file)")
                }
                guard !own else { continue }
                #expect(throws: ExportParseError.self, "\(Self.name(parser)) on \(fixture.file)") {
                    try parser.parse(document: try Fixture.data(fixture.file), file: fixture.file)
                }
            }
        }

        @Test(arguments: fixtures)
        func readerDetectsThePlatform(fixture: Case) throws {
            let record = try ExportReadRecord.read(Fixture.path(fixture.file))
            let owner =
                (ExportParsers.all.map { ($0.platform, Self.name($0)) }
                + DocumentParsers.all.map { ($0.platform, Self.name($0)) })
                .first { $0.1 == fixture.format }?.0
            #expect(record.summary.platforms == Set([owner].compactMap { $0 }))
            #expect(record.errors.isEmpty)
            #expect(!record.conversations.isEmpty)
        }

        /// Look-alikes of other platforms that must not be claimed.
        static let strangers: [String] = [
            // Another My Activity product.
            #"{"header": "YouTube", "title": "Watched a video", "time": "2025-01-01T00:00:00Z", "products": ["YouTube"]}"#,
            // Claude users.json entry.
            #"{"uuid": "u", "full_name": "A", "email_address": "a@example.com", "verified_phone_number": null}"#,
            // ChatGPT message_feedback.json entry.
            #"{"id": "f", "conversation_id": "c", "rating": "thumbsUp"}"#,
        ]

        @Test(arguments: strangers)
        func noFormatClaimsOtherPlatforms(sample: String) {
            for parser in ExportParsers.all {
                #expect(!parser.recognizes(Data(sample.utf8)), "\(Self.name(parser))")
            }
            for parser in DocumentParsers.all {
                #expect(!parser.recognizes(.jsonElement(Data(sample.utf8))), "\(Self.name(parser))")
            }
        }
    }
}
