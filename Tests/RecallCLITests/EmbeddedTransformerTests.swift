import Foundation
import Testing

/// The transformer lives inside the executable too: a copy of the binary alone, in a folder with
/// nothing else, still encodes text with it.
@Suite struct EmbeddedTransformerTests {
    @Test func aCopyOfTheBinaryAloneStillRunsTheTransformer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("recall")
        try FileManager.default.copyItem(at: try RecallBinary.url, to: copy)

        // Single words: a debug build runs the transformer slowly.
        let process = Process()
        process.executableURL = copy
        process.arguments = ["embed", "--transformer", "--json", "cat", "kitten", "tax", ""]
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
        #expect(report.model == "minilm-l6-v1")
        #expect(report.dimensions == 384)
        #expect(report.embeddings.map(\.tokens) == [3, 3, 3, 2], "[CLS] word [SEP]; empty text is [CLS] [SEP]")
        #expect(report.embeddings.allSatisfy { $0.vector.flatMap { Data(base64Encoded: $0) }?.count == 388 })
        let similar = try #require(report.embeddings[1].cosineToFirst)
        let unrelated = try #require(report.embeddings[2].cosineToFirst)
        #expect(similar > unrelated)
    }
}
