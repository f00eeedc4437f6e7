import Foundation

@testable import RecallCore

/// What sentence-transformers computes for the sample texts with the original fp32
/// all-MiniLM-L6-v2 (`Fixtures/semantic/minilm-reference.json`, written by
/// scripts/embeddings/minilm_reference.py).
struct MiniLMReference: Decodable {
    struct Sample: Decodable {
        let text: String
        /// The model's own tokenizer: [CLS] … [SEP], cut at 256 tokens.
        let ids: [Int32]
        /// The normalised vector as int8, base64; component `i` is `scale * values[i]`.
        let vector: String
        let scale: Float

        /// The reference vector as floats.
        func components() throws -> [Float] {
            guard let bytes = Data(base64Encoded: vector) else { throw RecallError(.invalidArgument, "bad base64") }
            return bytes.map { scale * Float(Int8(bitPattern: $0)) }
        }
    }

    let maxTokens: Int
    let dimensions: Int
    let items: [Sample]

    enum CodingKeys: String, CodingKey {
        case items, dimensions
        case maxTokens = "max_tokens"
    }

    /// Loaded once for all the tests that compare with it.
    static let shared: MiniLMReference = {
        do {
            let data = try Fixture.data("semantic/minilm-reference.json")
            return try JSONDecoder().decode(MiniLMReference.self, from: data)
        } catch {
            fatalError("Fixtures/semantic/minilm-reference.json could not be read: \(error)")
        }
    }()
}
