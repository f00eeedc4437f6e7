import Foundation
import RecallCore

/// The paraphrase set (`Benchmarks/Data/paraphrase.json`): short memories, each with a question
/// that shares none of its content words and one that names its keyword.
struct ParaphraseSet: Decodable {
    /// One memory and its two questions.
    struct Pair: Decodable {
        let topic: String
        let memory: String
        let paraphrase: String
        let keyword: String
    }

    let pairs: [Pair]

    /// Reads the set.
    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        self = try JSONDecoder().decode(Self.self, from: data)
    }

    /// What is wrong with each pair that does not test what it claims, one line each: a
    /// paraphrase that shares a word with its memory (by the light stemmer, or by the store's own
    /// full-text index, which stems as search does), or a keyword question that shares none.
    ///
    /// "user" is no content word: every memory says it.
    func problems() throws -> [String] {
        let words = ContentWords(subjects: [])
        var problems: [String] = []
        for (index, pair) in pairs.enumerated() {
            let shared = words.of(pair.memory).intersection(words.of(pair.paraphrase))
            if !shared.isEmpty {
                problems.append("#\(index) paraphrase shares \(shared.sorted()) with \"\(pair.memory)\"")
            }
            let store = Recall.inMemory(ranking: .plain, semantic: .off)
            _ = try store.addMemory(AddMemoryRequest(content: pair.memory))
            if try !store.search(SearchRequest(query: Self.withoutUser(pair.paraphrase), scope: .memories)).results
                .isEmpty
            {
                problems.append("#\(index) the index matches \"\(pair.paraphrase)\" to \"\(pair.memory)\" by a word")
            }
            if try store.search(SearchRequest(query: Self.withoutUser(pair.keyword), scope: .memories)).results.isEmpty
            {
                problems.append("#\(index) keyword question \"\(pair.keyword)\" shares no word with \"\(pair.memory)\"")
            }
        }
        return problems
    }

    /// The text without "user", "user's", "users": it matches every memory, so it is no clue.
    static func withoutUser(_ text: String) -> String {
        text.replacingOccurrences(of: #"\b[Uu]ser(?:'s|s)?\b"#, with: " ", options: .regularExpression)
    }
}
