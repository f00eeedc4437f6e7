import Foundation

@testable import RecallCore

/// The reference output of the Python originals for the sample texts
/// (`Fixtures/semantic/static-reference.json`, written by scripts/embeddings/make_reference.py).
struct StaticReference: Decodable {
    struct Sample: Decodable {
        let text: String
        /// The distilled model's tokenizer: no special tokens, no truncation.
        let staticIDs: [Int32]
        /// The original all-MiniLM-L6-v2 tokenizer: [CLS] … [SEP], no truncation.
        let bertIDs: [Int32]
        /// model2vec's `StaticModel.encode`, in the 260-byte storage form; nil for no vector.
        let vector: String?

        enum CodingKeys: String, CodingKey {
            case text, vector
            case staticIDs = "static_ids"
            case bertIDs = "bert_ids"
        }
    }

    let samples: [Sample]

    /// Loaded once for all the tests that compare with it.
    static let shared: StaticReference = {
        do {
            return try JSONDecoder().decode(
                StaticReference.self, from: try Fixture.data("semantic/static-reference.json"))
        } catch {
            fatalError("Fixtures/semantic/static-reference.json could not be read: \(error)")
        }
    }()

    /// The original 30,522-token BERT vocabulary, rebuilt from the distilled one: model2vec
    /// removed `[unused0]`…`[unused993]`, `[CLS]`, `[SEP]` and `[MASK]` and kept the rest in order.
    static func bertVocabulary(from distilled: [String]) -> [String] {
        ["[PAD]"] + (0..<99).map { "[unused\($0)]" } + ["[UNK]", "[CLS]", "[SEP]", "[MASK]"]
            + (99..<994).map { "[unused\($0)]" } + distilled.dropFirst(2)
    }
}
