import Foundation
import Testing

@testable import RecallCore

@Suite struct TransformerEncoderTests {
    private let encoder = TransformerEncoder.shared

    @Test func theEmbeddedModelLoads() {
        #expect(encoder.problem == nil)
        #expect(encoder.maxTokens == 256)
        #expect(TransformerEncoder.modelID == "minilm-l6-v1")
        #expect(TransformerEncoder.dimensions == 384)
    }

    @Test func tokenIDsMatchTheModelsTokenizerOnEverySample() {
        for sample in MiniLMReference.shared.items {
            #expect(encoder.tokenIDs(sample.text) == sample.ids, "\(sample.text.debugDescription.prefix(80))")
        }
    }

    @Test func vectorsMatchSentenceTransformers() throws {
        // Every sample, in debug builds too: the model's arithmetic is optimised there as well.
        let samples = MiniLMReference.shared.items
        #expect(samples.count == 316)
        for sample in samples {
            let vector = try #require(encoder.encode(sample.text))
            #expect(vector.count == TransformerEncoder.dimensions)
            let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(length - 1) < 1e-4)
            let cosine = TransformerEncoder.cosine(vector, try sample.components())
            #expect(cosine >= 0.99, "cosine \(cosine) for \(sample.text.debugDescription.prefix(80))")
        }
    }

    @Test func anyNumberOfThreadsGivesTheSameVector() throws {
        let ids = encoder.tokenIDs("grey cat")
        let one = try #require(encoder.encode(tokenIDs: ids, threads: 1))
        #expect(encoder.encode(tokenIDs: ids, threads: 2) == one)
        #expect(encoder.encode(tokenIDs: ids, threads: 3) == one)
    }

    @Test func concurrentCallsGiveTheSameVectors() async {
        let texts = ["a", "ok", "🙂"]
        let serial = texts.map { encoder.encode($0) }
        let parallel = await withTaskGroup(of: (Int, [Float]?).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, TransformerEncoder.shared.encode(text)) }
            }
            var results = [[Float]?](repeating: nil, count: texts.count)
            for await (index, vector) in group { results[index] = vector }
            return results
        }
        #expect(parallel == serial)
    }

    @Test func similarMeaningsScoreHigherThanUnrelatedOnes() throws {
        let cat = try #require(encoder.encode("cat"))
        let kitten = try #require(encoder.encode("kitten"))
        let tax = try #require(encoder.encode("tax"))
        #expect(TransformerEncoder.cosine(cat, kitten) > TransformerEncoder.cosine(cat, tax) + 0.1)
    }

    @Test func aMegabyteOfTextIsCutToTheModelsWindow() {
        let sentence = "The quick brown fox jumps over the lazy dog while my cat naps. "
        let huge = String(repeating: sentence, count: 1_048_576 / sentence.utf8.count + 1)
        let ids = encoder.tokenIDs(huge)
        #expect(ids.count == 256)
        #expect(ids == encoder.tokenIDs(String(huge.prefix(2_000))))
        #expect(ids.first == 101 && ids.last == 102, "[CLS] first, [SEP] last")
    }

    @Test func badTokenIDsNeverCrash() throws {
        #expect(encoder.encode(tokenIDs: []) == nil)
        let unknown = try #require(encoder.encode(tokenIDs: [101, 100, 102]))
        #expect(encoder.encode(tokenIDs: [101, -7, 102]) == unknown, "an id below 0 reads as [UNK]")
        #expect(encoder.encode(tokenIDs: [101, Int32.max, 102]) == unknown, "an id past the vocabulary reads as [UNK]")
    }
}
