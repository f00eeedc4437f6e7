import Foundation
import Testing
@testable import RecallCore

@Suite struct TransformerVectorTests {
    private func vector(_ seed: Int) -> TransformerVector {
        var generator = SeededGenerator(seed: UInt64(seed))
        return TransformerVector(quantizing: (0..<384).map { _ in Float.random(in: -1...1, using: &generator) })
    }

    @Test func storageFormRoundTrips() throws {
        let original = vector(1)
        #expect(original.bytes.count == 388)
        #expect(try TransformerVector(bytes: original.bytes) == original)
    }

    @Test func badStoredBytesThrow() {
        #expect(throws: RecallError.self) { try TransformerVector(bytes: [UInt8](repeating: 0, count: 260)) }
        var nan = vector(2).bytes
        nan.replaceSubrange(384..<388, with: [0x00, 0x00, 0xC0, 0x7F])
        #expect(throws: RecallError.self) { try TransformerVector(bytes: nan) }
    }

    @Test func cosineMatchesTheFloatComputationAtUnitLength() {
        let a = vector(3), b = vector(4)
        let length = a.components.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(length - 1) < 1e-5)
        let float = zip(a.components, b.components).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        #expect(abs(a.cosine(b) - float) < 1e-5)
        #expect(TransformerVector(quantizing: [Float](repeating: 0, count: 384)).cosine(a) == 0)
    }

    @Test func quantisingKeepsTheReferenceCosines() throws {
        let samples = MiniLMReference.shared.items.prefix(40)
        let floats = try samples.map { try $0.components() }
        let compact = floats.map(TransformerVector.init(quantizing:))
        for index in 1..<floats.count {
            let exact = TransformerEncoder.cosine(floats[0], floats[index])
            #expect(abs(compact[0].cosine(compact[index]) - exact) < 2e-3)
        }
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
