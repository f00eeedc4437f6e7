import Foundation
import Testing
@testable import RecallCore

extension ImportTests {
    /// Detection reads content: each parser recognises its own platform's files and rejects the others'.
    @Suite struct ExportFormatDetectionTests {
        static let fixtures: [(file: String, platform: Platform)] = [
            ("chatgpt/branches.json", .chatgpt), ("chatgpt/content-types.json", .chatgpt),
            ("chatgpt/tree-edge-cases.json", .chatgpt), ("claude/blocks.json", .claude),
            ("claude/branches.json", .claude), ("claude/wrapped.json", .claude),
            ("deepseek/official.json", .deepseek), ("deepseek/capture.json", .deepseek), ("grok/backend.json", .grok),
            ("kimi/raw-chat.json", .kimi), ("kimi/messages-page.json", .kimi),
        ]

        @Test(arguments: fixtures)
        func parsersRecogniseOnlyTheirOwnPlatform(fixture: (file: String, platform: Platform)) throws {
            let elements = try Fixture.elements(fixture.file)
            let first = try #require(elements.first)
            for parser in ExportParsers.all {
                let own = parser.platform == fixture.platform
                #expect(parser.recognizes(first) == own, "\(parser.platform) on \(fixture.file)")
                if !own {
                    for element in elements {
                        #expect(throws: ExportParseError.self, "\(parser.platform) on \(fixture.file)") {
                            try parser.parse(element: element, file: fixture.file)
                        }
                    }
                }
            }
        }

        @Test(arguments: fixtures)
        func readerDetectsThePlatform(fixture: (file: String, platform: Platform)) throws {
            let record = try ExportReadRecord.read(Fixture.path(fixture.file))
            #expect(record.summary.platforms == [fixture.platform])
            #expect(record.errors.isEmpty)
        }

        /// Look-alikes of other platforms that must not be claimed.
        static let strangers: [String] = [
            // Gemini Takeout activity record.
            #"{"header": "Gemini Apps", "title": "Prompted hi", "time": "2025-01-01T00:00:00Z", "products": ["Gemini Apps"]}"#,
            // Claude projects.json entry.
            #"{"uuid": "p", "name": "Project", "prompt_template": "", "docs": [], "is_starter_project": false}"#,
            // ChatGPT message_feedback.json entry.
            #"{"id": "f", "conversation_id": "c", "rating": "thumbsUp"}"#,
        ]

        @Test(arguments: strangers)
        func noParserClaimsOtherPlatforms(sample: String) {
            for parser in ExportParsers.all {
                #expect(!parser.recognizes(Data(sample.utf8)), "\(parser.platform)")
            }
        }
    }
}
