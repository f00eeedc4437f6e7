import Foundation
import Testing

/// The static embedding model lives inside the executable: a copy of the binary alone, in a
/// folder with nothing else, still embeds text.
@Suite struct EmbeddedModelTests {
    @Test func aCopyOfTheBinaryAloneStillEmbeds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("recall")
        try FileManager.default.copyItem(at: try RecallBinary.url, to: copy)

        let process = Process()
        process.executableURL = copy
        process.arguments = ["embed", "--json", "my cat is sick", "the kitten is ill", "quarterly tax deadline", "😀"]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        struct Report: Decodable {
            struct Embedding: Decodable {
                var tokens: Int
                var vector: String?
                var cosineToFirst: Float?

                private enum CodingKeys: String, CodingKey {
                    case tokens
                    case vector
                    case cosineToFirst = "cosine_to_first"
                }
            }
            var model: String
            var dimensions: Int
            var embeddings: [Embedding]
        }
        let report = try JSONDecoder().decode(Report.self, from: data)
        #expect(report.model == "static-minilm-256-v1")
        #expect(report.dimensions == 256)
        #expect(report.embeddings.count == 4)
        #expect(report.embeddings[0].vector.flatMap { Data(base64Encoded: $0) }?.count == 260)
        let similar = try #require(report.embeddings[1].cosineToFirst)
        let unrelated = try #require(report.embeddings[2].cosineToFirst)
        #expect(similar > unrelated)
        #expect(report.embeddings[3].vector == nil, "an emoji alone has no vector")
    }

    @Test func theDiagnosticCommandStaysOutOfHelp() throws {
        let result = try RecallBinary.run(["--help"])
        #expect(!result.stdout.contains("embed"))
    }
}
