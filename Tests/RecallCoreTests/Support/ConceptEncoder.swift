import RecallCore

/// A tiny, exact stand-in for an embedding model: each word belongs to a concept, and a text's
/// vector counts its concepts.
///
/// Tests choose which words mean the same and get deterministic,
/// explainable similarities, with no model involved.
struct ConceptEncoder: TextEncoder {
    /// Words that mean the same thing, one group per concept.
    static let concepts: [[String]] = [
        ["vegetarian", "meat", "eat", "food", "diet"],
        ["bergen", "live", "home", "city", "norway"],
        ["dog", "puppy", "pet", "retriever"],
        ["organism", "cell", "biology", "living"],
        ["deploy", "server", "release", "production"],
        ["guitar", "music", "instrument", "play"],
    ]

    let modelID: String
    let unrelatedSimilarity = 0.0

    init(modelID: String = "concept-test-v1") {
        self.modelID = modelID
    }

    func vector(for text: String) -> PackedVector? {
        var counts = [Float](repeating: 0, count: Self.concepts.count + 1)
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            let stem = word.hasSuffix("s") ? String(word.dropLast()) : String(word)
            if let concept = Self.concepts.firstIndex(where: { $0.contains(String(word)) || $0.contains(stem) }) {
                counts[concept] += 1
            }
        }
        // A constant component keeps unrelated texts from being exactly orthogonal, as real models do.
        counts[Self.concepts.count] = 0.1
        guard counts.dropLast().contains(where: { $0 > 0 }) else { return nil }
        return PackedVector(components: counts)
    }
}

extension SemanticSearch {
    /// Concept vectors for messages and memories, as the embedded models would give.
    static var concepts: SemanticSearch {
        SemanticSearch(messageEncoder: ConceptEncoder(), memoryEncoders: [ConceptEncoder(modelID: "concept-memory-v1")])
    }
}
