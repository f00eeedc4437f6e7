import Foundation
import Testing

@testable import RecallCore

@Suite struct EmbeddingVectorTests {
    private func vector(_ seed: Int) -> EmbeddingVector {
        var generator = SeededGenerator(seed: UInt64(seed))
        return EmbeddingVector(quantizing: (0..<256).map { _ in Float.random(in: -1...1, using: &generator) })
    }

    @Test func storageFormRoundTrips() throws {
        let original = vector(1)
        #expect(original.bytes.count == 260)
        #expect(try EmbeddingVector(bytes: original.bytes) == original)
    }

    @Test func badStoredBytesThrow() {
        #expect(throws: RecallError.self) { try EmbeddingVector(bytes: [UInt8](repeating: 0, count: 259)) }
        var nan = vector(2).bytes
        nan.replaceSubrange(256..<260, with: [0x00, 0x00, 0xC0, 0x7F])
        #expect(throws: RecallError.self) { try EmbeddingVector(bytes: nan) }
    }

    @Test func quantisedVectorsHaveUnitLength() {
        let v = vector(3)
        let length = v.components.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(length - 1) < 1e-5)
        #expect(abs(v.cosine(v) - 1) < 1e-5)
    }

    @Test func cosineMatchesTheFloatComputation() {
        let a = vector(4)
        let b = vector(5)
        let float = zip(a.components, b.components).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        #expect(abs(a.cosine(b) - float) < 1e-5)
    }

    @Test func theZeroVectorIsSimilarToNothing() {
        let zero = EmbeddingVector(quantizing: [Float](repeating: 0, count: 256))
        #expect(zero.isZero)
        #expect(zero.cosine(vector(6)) == 0)
    }

    @Test func scanningPackedVectorsGivesEachCosine() {
        let query = vector(7)
        let stored = (10..<30).map(vector)
        let packed = stored.flatMap(\.bytes)
        var scores: [Float] = [99]
        packed.withUnsafeBytes { query.cosines(packed: $0, into: &scores) }
        #expect(scores.count == stored.count)
        for (score, vector) in zip(scores, stored) { #expect(abs(score - query.cosine(vector)) < 1e-6) }
    }
}
