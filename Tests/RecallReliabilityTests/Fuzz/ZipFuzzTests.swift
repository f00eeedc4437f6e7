import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

/// Damaged ZIP exports through the whole reader (archive directory, inflation, limits, then the
/// JSON stages): no crash, no hang, only diagnostics and `RecallError`s.
@Suite(.serialized) struct ZipFuzzTests {
    static let campaign = FuzzCampaign(target: "zip", ciSeconds: 3)

    static let mutator = Mutator(dictionary: [
        [0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x01, 0x02], [0x50, 0x4B, 0x05, 0x06], [0x50, 0x4B, 0x06, 0x06],
        [0xFF, 0xFF, 0xFF, 0xFF], [0x00, 0x00, 0x00, 0x00], [0x08, 0x00], Array("../".utf8),
        Array("conversations.json".utf8),
    ])

    @Test(.timeLimit(.minutes(2))) func corpusAndRegressionsAreHandled() throws {
        let file = try Self.scratchFile()
        for input in Self.campaign.corpus() + Self.campaign.regressions() {
            let problem = try Self.read(input.bytes, at: file)
            #expect(problem == nil, "\(input.name): \(problem ?? "")")
        }
    }

    @Test(.timeLimit(.minutes(30))) func mutatedArchivesAreHandled() async throws {
        let file = try Self.scratchFile()
        var problems: [String] = []
        let seeds = Self.campaign.corpus().map(\.bytes)
        let count = try await Self.campaign.mutate(seeds, with: Self.mutator) { input, _ in
            if let problem = try Self.read(input, at: file) { problems.append(problem) }
        }
        #expect(count > 0)
        #expect(problems.isEmpty, "seed \(Self.campaign.seed): \(problems.prefix(5))")
    }

    /// Reads `bytes` as an export file; returns what went wrong, if it was not the expected kind of failure.
    static func read(_ bytes: [UInt8], at file: URL) throws -> String? {
        try Data(bytes).write(to: file)
        do {
            _ = try ExportReader(limits: ImportLimits(readChunkSize: 4096)).read(
                path: file.path, platform: nil, emit: { _, _ in }, diagnostic: { _ in }, progress: { _ in })
        } catch is ImportError {
            return nil
        } catch {
            return "the reader threw \(type(of: error)): \(error)"
        }
        return nil
    }

    static func scratchFile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recall-zip-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("export.zip")
    }
}
