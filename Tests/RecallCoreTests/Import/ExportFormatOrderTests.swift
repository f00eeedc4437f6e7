import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// The order of the format table decides nothing: every fixture reads to the same
    /// conversations, diagnostics and summary with the table reversed, and a forced platform
    /// falls back to the one parser that says it takes forced files.
    @Suite struct ExportFormatOrderTests {
        /// What one member read reported.
        struct Outcome: Equatable {
            var conversations: [ParsedConversation] = []
            var diagnostics: [ImportDiagnostic] = []
            var summary = ExportReadSummary()
        }

        /// Reads bytes named `name` through the container stage with the given formats, as a
        /// file the user named.
        static func read(_ data: Data, name: String, formats: ExportFormats, forced: Platform? = nil) throws
            -> Outcome
        {
            var outcome = Outcome()
            let log = ExportReadLog(
                emit: { conversation, _ in outcome.conversations.append(conversation) },
                diagnostic: { outcome.diagnostics.append($0) }, progress: { _ in })
            let stage = ContainerStage(limits: .default, forced: forced, formats: formats, log: log)
            try stage.readMember(name: name, size: data.count, explicit: true) { consume in try consume(data) }
            outcome.summary = log.summary
            return outcome
        }

        static let reversed = ExportFormats(
            elementParsers: ExportFormats.all.elementParsers.reversed(),
            documentParsers: ExportFormats.all.documentParsers.reversed())

        @Test(arguments: ExportFormatDetectionTests.fixtures.map(\.file))
        func fixturesReadTheSameWithTheTableReversed(file: String) throws {
            let data = try Fixture.data(file)
            let inOrder = try Self.read(data, name: file, formats: .all)
            let backwards = try Self.read(data, name: file, formats: Self.reversed)
            #expect(inOrder == backwards)
            #expect(inOrder.summary.files == [file])
            #expect(!inOrder.conversations.isEmpty)
        }

        @Test func eachPlatformHasOneParserForForcedFiles() {
            for platform in Platform.allCases {
                let parsers = ExportFormats.all.restricted(to: platform).elementParsers
                guard !parsers.isEmpty else { continue }
                #expect(parsers.filter(\.readsForcedFiles).count == 1, "\(platform)")
            }
        }

        @Test func aForcedPlatformFallsBackToTheSameParserInEitherOrder() throws {
            // A JSON list no format claims, forced to Claude: its conversations parser says
            // what is wrong with each element, whichever of Claude's parsers comes first.
            let data = Data(#"[{"id": 1, "messages": []}]"#.utf8)
            let inOrder = try Self.read(
                data, name: "odd.json", formats: ExportFormats.all.restricted(to: .claude), forced: .claude)
            let backwards = try Self.read(
                data, name: "odd.json", formats: Self.reversed.restricted(to: .claude), forced: .claude)
            #expect(inOrder == backwards)
            #expect(inOrder.summary.skipped == 1)
            #expect(
                inOrder.diagnostics.contains { $0.message.contains("Claude conversation") }, "\(inOrder.diagnostics)")
        }
    }
}
