import ArgumentParser
import Foundation
import RecallCore

/// Speed of the static embedding model compiled into Recall: first use, encoding the sample
/// texts of the tests, and scanning stored vectors for one query.
///
/// Prints figures; judges none.
struct StaticCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "static",
        abstract: "Static embedding figures: first use, µs per text, texts per second, scan speed.")

    @Option(help: "The sample texts with their reference vectors (the tests' fixture).")
    var sample = "Tests/RecallCoreTests/Fixtures/semantic/static-reference.json"

    @Option(help: "Times each sample text is encoded.")
    var rounds = 20

    @Option(
        help: "Stored vectors to scan per query (comma-separated).",
        transform: {
            try $0.split(separator: ",").map {
                guard let value = Int($0) else { throw ValidationError("not a number: \($0)") }
                return value
            }
        })
    var scanSizes: [Int] = [100_000, 1_000_000]

    /// The fixture's fields this benchmark reads.
    private struct Reference: Decodable {
        struct Sample: Decodable {
            var text: String
            var vector: String?
        }
        var samples: [Sample]
    }

    func run() throws {
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: URL(fileURLWithPath: sample)))
        let texts = reference.samples.map(\.text)

        let loadStart = DispatchTime.now().uptimeNanoseconds
        let encoder = StaticEncoder.shared
        _ = encoder.encode("warm up")
        let loadMs = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e6
        if let problem = encoder.problem { throw problem }
        print("model \(StaticEncoder.modelID): \(encoder.vocabularySize) tokens x \(EmbeddingVector.dimensions)")
        print(String(format: "first use (parse header and vocabulary, first text): %.1f ms", loadMs))

        var lowest: Float = 1
        for (text, expected) in zip(texts, reference.samples.map(\.vector)) {
            guard let expected, let bytes = Data(base64Encoded: expected),
                let target = try? EmbeddingVector(bytes: bytes), let vector = encoder.encode(text)
            else { continue }
            lowest = min(lowest, vector.cosine(target))
        }
        print(String(format: "lowest cosine to model2vec over %d sample texts: %.5f", texts.count, lowest))

        let short = texts.filter { $0.utf8.count <= 500 }
        for (name, set) in [("all sample texts", texts), ("texts of at most 500 bytes", short)] {
            let tokens = set.reduce(0) { $0 + encoder.tokenIDs($1).count }
            var latencies = Latencies()
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<rounds {
                for text in set { _ = latencies.time { encoder.encode(text) } }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let count = Double(set.count * rounds)
            print(
                String(
                    format: "encode, %@ (%d texts, %.1f tokens each): %.1f µs per text, %.0f texts/s; %@",
                    name, set.count, Double(tokens) / Double(max(set.count, 1)), seconds / count * 1e6, count / seconds,
                    latencies.summary))
        }

        let vectors = texts.compactMap(encoder.encode)
        for size in scanSizes where !vectors.isEmpty {
            var packed: [UInt8] = []
            packed.reserveCapacity(size * EmbeddingVector.storageSize)
            for index in 0..<size { packed.append(contentsOf: vectors[index % vectors.count].bytes) }
            var scores: [Float] = []
            var latencies = Latencies()
            for query in vectors.prefix(20) {
                latencies.time { packed.withUnsafeBytes { query.cosines(packed: $0, into: &scores) } }
            }
            print(
                "scan \(size) stored vectors (\(size * EmbeddingVector.storageSize / 1_000_000) MB) for one query: \(latencies.summary)"
            )
        }
    }
}
