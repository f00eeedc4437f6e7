import ArgumentParser
import Foundation
import RecallCore

/// The transformer's figures: how closely it matches sentence-transformers on the sample texts,
/// and milliseconds per text by length, on one core and on all.
///
/// Printed, never judged.
struct TransformerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minilm",
        abstract: "all-MiniLM-L6-v2 compiled in: cosine to sentence-transformers and ms per text.")

    @Option(help: "The reference vectors written by scripts/embeddings/minilm_reference.py.")
    var reference = "Tests/RecallCoreTests/Fixtures/semantic/minilm-reference.json"

    @Option(help: "Texts lengths to time, in tokens with [CLS] and [SEP] (comma-separated).")
    var lengths = "16,18,32,64,128,256"

    @Option(help: "Timed runs per length.")
    var runs = 20

    func run() throws {
        let clock = ContinuousClock()
        let loadStart = clock.now
        let encoder = TransformerEncoder.shared
        if let problem = encoder.problem { throw problem }
        print("first use (header, vocabulary, tokenizer): \(milliseconds(clock.now - loadStart)) ms")

        let samples = try loadReference()
        try quality(encoder, samples)
        speed(encoder, samples)
    }

    private struct Reference: Decodable {
        struct Sample: Decodable {
            let text: String
            let ids: [Int32]
            let vector: String
            let scale: Float
        }
        let items: [Sample]
    }

    private func loadReference() throws -> [Reference.Sample] {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: reference))
            return try JSONDecoder().decode(Reference.self, from: data).items
        } catch {
            throw ValidationError("cannot read the reference \(reference) (run from the package root): \(error)")
        }
    }

    private func quality(_ encoder: TransformerEncoder, _ samples: [Reference.Sample]) throws {
        var cosines: [Float] = []
        var tokenMismatches = 0
        let clock = ContinuousClock()
        let start = clock.now
        for sample in samples {
            if encoder.tokenIDs(sample.text) != sample.ids { tokenMismatches += 1 }
            guard let vector = encoder.encode(sample.text), let bytes = Data(base64Encoded: sample.vector) else {
                throw ValidationError("no vector for \(sample.text.debugDescription.prefix(60))")
            }
            let expected = bytes.map { sample.scale * Float(Int8(bitPattern: $0)) }
            cosines.append(TransformerEncoder.cosine(vector, expected))
        }
        let elapsed = clock.now - start
        let sorted = cosines.sorted()
        print(
            String(
                format: "cosine to sentence-transformers (fp32), %d texts: min %.4f, p1 %.4f, mean %.5f; "
                    + "below 0.99: %d; token lists differing: %d",
                samples.count, sorted[0], sorted[sorted.count / 100], cosines.reduce(0, +) / Float(cosines.count),
                cosines.filter { $0 < 0.99 }.count, tokenMismatches))
        let tokens = samples.reduce(0) { $0 + $1.ids.count }
        print(
            String(
                format: "all sample texts, default threads: %.1f ms per text (%.1f tokens on average)",
                milliseconds(elapsed) / Double(samples.count), Double(tokens) / Double(samples.count)))
    }

    private func speed(_ encoder: TransformerEncoder, _ samples: [Reference.Sample]) {
        // Content tokens from the longest sample, cut to each length between [CLS] and [SEP].
        let content = samples.max { $0.ids.count < $1.ids.count }.map { Array($0.ids.dropFirst().dropLast()) } ?? []
        guard let cls = samples.first?.ids.first, let sep = samples.first?.ids.last, !content.isEmpty else { return }
        let macsPerToken = 6.0 * (4 * 384 * 384 + 2 * 384 * 1536)
        for length in lengths.split(separator: ",").compactMap({ Int($0) }) where length >= 2 {
            let ids = [cls] + Array(content.prefix(length - 2)) + [sep]
            for threads in [1, nil] as [Int?] {
                _ = encoder.encode(tokenIDs: ids, threads: threads)
                var wall = Latencies()
                var cpu: [Double] = []
                for _ in 0..<runs {
                    let cpuStart = Self.threadCPUSeconds()
                    _ = wall.time { encoder.encode(tokenIDs: ids, threads: threads) }
                    cpu.append(Self.threadCPUSeconds() - cpuStart)
                }
                let label = threads == 1 ? "1 thread" : "default threads"
                let best = cpu.min() ?? .nan
                let rate = Double(ids.count) * macsPerToken / best / 1e9
                let cpuNote =
                    threads == 1
                    ? String(format: ", CPU min %.2f ms (%.1f G multiply-adds/s)", best * 1000, rate)
                    : String(format: ", CPU of all threads p50 %.2f ms", cpu.sorted()[cpu.count / 2] * 1000)
                let fastest = String(format: "%.2f", wall.percentile(0))
                print("\(ids.count) tokens, \(label): wall \(wall.summary), min \(fastest) ms\(cpuNote)")
            }
        }
    }

    private func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// CPU time of the process, all threads (one thread works during a one-thread run): unlike
    /// wall time, it leaves out time spent waiting for a core on a busy machine.
    private static func threadCPUSeconds() -> Double {
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }
}
