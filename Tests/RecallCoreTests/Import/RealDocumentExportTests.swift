import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// Genuine (or genuine-looking) files from `shared/fixtures/exports/{gemini,markdown}`; see each
    /// folder's PROVENANCE.md.
    ///
    /// The numbers were counted in the files themselves: `outer-cell` divs
    /// and `Pokyn&nbsp;` prompts in the HTML, chunks in the AI Studio JSON, role headings outside
    /// code fences in the Markdown.
    @Suite(.enabled(if: Fixture.sharedExports != nil, "needs shared/fixtures/exports beside the package root"))
    struct RealDocumentExportTests {
        func read(_ folder: String, _ file: String) throws -> ExportReadRecord {
            let url = try #require(Fixture.sharedExports).appendingPathComponent(folder).appendingPathComponent(file)
            return try ExportReadRecord.read(url.path)
        }

        @Test func geminiTakeoutPageImitation() throws {
            let record = try read("gemini", "ai-chat-history-manager-gemini.html")
            #expect(record.summary.platforms == [.gemini])
            #expect(record.diagnostics.isEmpty)
            // Nine records, each under its own header ("Sample conversation N"), each a Czech
            // `Pokyn` prompt with an answer, five minutes apart from 1. 1. 2026 10:00:00 SEČ (UTC+1).
            #expect(record.conversations.count == 9)
            #expect(record.conversations.map(\.title) == (1...9).map { "Sample conversation \($0)" })
            #expect(record.conversations.allSatisfy { $0.activeBranch.map(\.role) == [.user, .assistant] })
            #expect(record.conversations.map(\.messages.count).reduce(0, +) == 18)
            let first = record.conversations[0]
            #expect(
                first.activeBranch[0].text == "How can I use this example Gemini export with your AI database tool?")
            #expect(
                first.activeBranch[1].text.hasPrefix(
                    "This is an example answer. It explains that the HTML structure follows"))
            #expect(first.createdAt == ISO8601Timestamp.date(from: "2026-01-01T09:00:00Z"))
            #expect(record.conversations[8].createdAt == ISO8601Timestamp.date(from: "2026-01-01T09:40:00Z"))
            #expect(record.conversations[1].activeBranch[1].text.hasSuffix("so typing exp will also match export."))
            #expect(
                record.conversations[5].activeBranch[1].text
                    == "This answer **uses bold text**, italics, and a short list:\n\n- First bullet\n- Second bullet with inline code"
            )
        }

        @Test func aiStudioPrompt() throws {
            let record = try read("gemini", "openwebui-importer-aistudio_example.json")
            #expect(record.summary.platforms == [.gemini])
            #expect(record.diagnostics.isEmpty)
            let chat = try #require(record.conversations.first)
            #expect(record.conversations.count == 1)
            #expect(chat.title == "openwebui-importer-aistudio_example")
            #expect(chat.metadata["model"] == "gemini-3-pro-preview")
            // Three chunks: the question, a thought (hidden), the answer; the empty pending input is not a chunk.
            #expect(chat.activeBranch.map(\.role) == [.user, .assistant, .assistant])
            #expect(chat.activeBranch.map(\.hidden) == [false, true, false])
            #expect(chat.activeBranch[0].text.hasPrefix("in diceter asyclic graphical models"))
            #expect(chat.activeBranch[1].text.hasPrefix("**Verifying the Factorization**"))
            #expect(chat.activeBranch[2].text.hasPrefix("Yes, you are **absolutely correct!**"))
            #expect(
                chat.activeBranch[2].text.contains(
                    "$$P(\\text{All Nodes}) = \\prod P(\\text{Node} \\mid \\text{Parents of Node})$$"))
        }

        struct TranscriptExpectation: Sendable, CustomTestStringConvertible {
            var file: String
            var title: String
            var roles: String  // u = user, a = assistant
            var platform: String?
            var firstUser: String
            var testDescription: String { file }
        }

        static let transcripts: [TranscriptExpectation] = [
            // `## User` / `## Assistant`, `---` between turns, CRLF line endings; no platform named.
            TranscriptExpectation(
                file: "deepseek-exporter-userscript.md", title: "test_chat", roles: "uaua", platform: nil,
                firstUser: "Write a first-person narrative from the perspective of an intelligent 8th-grade girl"),
            // `### 🧑 用户` / `### 🤖 DeepSeek`; the answers' own `### 方案…` headings stay content.
            TranscriptExpectation(
                file: "deepseek2md-export.md", title: "晶振频率误差与累计时间", roles: "uauauauaua", platform: "deepseek",
                firstUser: "单片机用晶振标称频率与实际频率有多大差别，每24小时能有多少累计误差。"),
            // `## User (…)` / `## Claude (…)`, consecutive turns of one role, code blocks, a footer.
            TranscriptExpectation(
                file: "now2ai-claude-export-transcript.md",
                title: "Summarizing News Articles with Tone and Perspective",
                roles: "uaauauauuaau", platform: "claude",
                firstUser: "Please create a shareable summary that captures both content and tone:"),
        ]

        @Test(arguments: transcripts)
        func markdownTranscript(expected: TranscriptExpectation) throws {
            let record = try read("markdown", expected.file)
            #expect(record.summary.platforms == [.transcript])
            #expect(record.diagnostics.isEmpty)
            let chat = try #require(record.conversations.first)
            #expect(record.conversations.count == 1)
            #expect(chat.title == expected.title)
            #expect(String(chat.activeBranch.map { $0.role == .user ? "u" : "a" }) == expected.roles)
            #expect(chat.messages.count == expected.roles.count)
            #expect(chat.metadata["platform"] == expected.platform)
            #expect(chat.activeBranch.first?.text.hasPrefix(expected.firstUser) == true)
        }

        @Test func claudeTranscriptTimesURLAndFooter() throws {
            let chat = try #require(try read("markdown", "now2ai-claude-export-transcript.md").conversations.first)
            #expect(chat.sourceID == "https://claude.ai/chat/a0ac6e43-77dc-434a-8749-49ddc9bad978")
            // Local times without an offset are kept as written.
            #expect(chat.createdAt == ISO8601Timestamp.date(from: "2025-02-25T01:10:22Z"))
            #expect(chat.activeBranch[0].createdAt == ISO8601Timestamp.date(from: "2025-02-25T01:10:23Z"))
            #expect(
                chat.activeBranch[1].text
                    == "```\nViewing artifacts created via the Analysis Tool web feature preview isn’t yet supported on mobile.\n```"
            )
            #expect(chat.activeBranch.last?.text == "עכשיו  ארטיפקט בפורמט שאני יכול לעשות ממנו קופי פייסט.")
            #expect(!chat.messages.contains { $0.text.contains("Generated at") || $0.text.contains("<div") })
        }

        @Test func deepSeekTranscriptLastAnswer() throws {
            let chat = try #require(try read("markdown", "deepseek-exporter-userscript.md").conversations.first)
            #expect(
                chat.activeBranch.last?.text.hasSuffix(
                    "“Bartender,” she says, her voice dangerously soft. “What is that?”") == true)
            #expect(!chat.messages.contains { $0.text.contains("\r") })
        }

        /// The formats added beside ChatGPT and Claude conversations claim none of the other
        /// platforms' real files, and ChatGPT's and Claude's parsers claim none of theirs.
        @Test(arguments: ["chatgpt", "claude", "deepseek", "grok", "gemini", "markdown"])
        func realFilesOfOtherFormatsAreRejected(folder: String) throws {
            let url = try #require(Fixture.sharedExports).appendingPathComponent(folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0 != "PROVENANCE.md" }
                .sorted()
            let owners: [String: String] = [
                "ai-chat-history-manager-gemini.html": "GeminiActivityHTMLParser",
                "openwebui-importer-aistudio_example.json": "AIStudioParser",
            ]
            for file in files {
                let data = try Data(contentsOf: url.appendingPathComponent(file))
                var elements: [Data] = []
                var splitter = JSONArraySplitter(maxElementSize: data.count)
                try? splitter.feed(data) { if case .element(let element) = $0 { elements.append(element.data) } }
                let owner = owners[file] ?? (folder == "markdown" ? "TranscriptParser" : nil)
                for parser in DocumentParsers.all where String(describing: type(of: parser)) != owner {
                    if let first = elements.first {
                        #expect(!parser.recognizes(.jsonElement(first)), "\(parser) on \(file)")
                    }
                    #expect(throws: ExportParseError.self, "\(parser) on \(file)") {
                        try parser.parse(document: data, file: file)
                    }
                }
                for element in elements where !["chatgpt", "claude"].contains(folder) {
                    for parser in ExportParsers.all where parser.platform.rawValue != folder {
                        #expect(!parser.recognizes(element), "\(parser) on \(file)")
                    }
                }
                if ["chatgpt", "claude"].contains(folder) {
                    #expect(elements.allSatisfy { !ClaudeProjectsParser().recognizes($0) }, "projects on \(file)")
                }
            }
        }

        @Test(arguments: [("gemini", 10, Set([Platform.gemini])), ("markdown", 3, Set([Platform.transcript]))])
        func wholeFolder(folder: String, conversations: Int, platforms: Set<Platform>) throws {
            let url = try #require(Fixture.sharedExports).appendingPathComponent(folder)
            let record = try ExportReadRecord.read(url.path)
            #expect(record.conversations.count == conversations)
            #expect(record.summary.platforms == platforms)
            #expect(record.errors.isEmpty)
            // PROVENANCE.md is Markdown but no chat: one warning says it was not imported.
            #expect(record.warnings.map { ($0.file as NSString).lastPathComponent } == ["PROVENANCE.md"])
        }
    }
}
