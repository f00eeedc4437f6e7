import Foundation
import Testing

@testable import RecallCore

@Suite struct StaticEncoderTests {
    private let encoder = StaticEncoder.shared

    @Test func theEmbeddedTableLoads() {
        #expect(encoder.problem == nil)
        #expect(encoder.vocabularySize == 29_525)
        #expect(StaticEncoder.modelID == "static-minilm-256-v1")
    }

    @Test func vectorsMatchModel2VecOnEverySample() throws {
        var lowest: Float = 1
        for sample in StaticReference.shared.samples {
            let label = sample.text.debugDescription.prefix(80)
            let vector = encoder.encode(sample.text)
            guard let expected = sample.vector else {
                #expect(vector == nil, "expected no vector for \(label)")
                continue
            }
            let reference = try EmbeddingVector(bytes: try #require(Data(base64Encoded: expected)))
            let actual = try #require(vector, "no vector for \(label)")
            let cosine = actual.cosine(reference)
            lowest = min(lowest, cosine)
            #expect(cosine >= 0.999, "cosine \(cosine) for \(label)")
        }
        #expect(lowest > 0.999)
    }

    @Test func textWithoutKnownTokensHasNoVector() {
        for text in ["", "   ", "\n\t", "\u{0}\u{7}", "😀🚀", "Ｆｕｌｌ"] {
            #expect(encoder.encode(text) == nil, "\(text.debugDescription)")
        }
        #expect(encoder.encode("!!!") != nil, "punctuation is in the vocabulary")
    }

    @Test func aMegabyteOfTextIsCutToItsFirstTokens() throws {
        let sentence = "The quick brown fox jumps over the lazy dog while my cat naps. "
        let huge = String(repeating: sentence, count: 1_048_576 / sentence.utf8.count + 1)
        let ids = encoder.tokenIDs(huge)
        #expect(ids.count == 512)
        let whole = try #require(encoder.encode(huge))
        let prefix = try #require(encoder.encode(String(huge.prefix(4_000))))
        #expect(whole == prefix)
    }

    @Test func similarMeaningsScoreHigherThanUnrelatedOnes() throws {
        let cat = try #require(encoder.encode("my cat is sick"))
        let kitten = try #require(encoder.encode("the kitten is ill"))
        let tax = try #require(encoder.encode("quarterly tax filing deadline"))
        #expect(cat.cosine(kitten) > cat.cosine(tax))
        #expect(abs(cat.cosine(cat) - 1) < 0.001)
    }

    @Test func encodingIsSafeFromManyThreads() async throws {
        let texts = StaticReference.shared.samples.prefix(64).map(\.text)
        let serial = texts.map { encoder.encode($0) }
        let parallel = await withTaskGroup(of: (Int, EmbeddingVector?).self) { group in
            for (index, text) in texts.enumerated() { group.addTask { (index, StaticEncoder.shared.encode(text)) } }
            var out = [EmbeddingVector?](repeating: nil, count: texts.count)
            for await (index, vector) in group { out[index] = vector }
            return out
        }
        #expect(parallel == serial)
    }

    @Test func aDamagedTableIsRefusedWithAClearError() throws {
        let valid = Array(StaticEncoder.embeddedTable)
        #expect(throws: Never.self) { _ = try StaticEncoder(tableBytes: valid) }
        var wrongMagic = valid
        wrongMagic[0] = 0x58
        var truncated = valid
        truncated.removeLast(100)
        var badVersion = valid
        badVersion[8] = 9
        for bytes in [[], Array(valid.prefix(20)), wrongMagic, truncated, badVersion] {
            do {
                _ = try StaticEncoder(tableBytes: bytes)
                Issue.record("a damaged table of \(bytes.count) bytes was accepted")
            } catch let error as RecallError {
                #expect(error.message.contains("static embedding table"))
            }
        }
    }

    @Test func anEncoderOverACopyOfTheTableGivesTheSameVectors() throws {
        let copy = try StaticEncoder(tableBytes: Array(StaticEncoder.embeddedTable))
        for text in ["Caroline went to a support group", "日本語", "naïve café"] {
            #expect(copy.encode(text) == encoder.encode(text))
        }
    }
}
