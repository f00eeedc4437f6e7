import RecallCore

/// One ranking a benchmark measures: a label for the tables and how to open a store with it.
struct BenchRanking {
    /// What the tables call it.
    let label: String
    /// The lexical weights.
    var ranking = RankingWeights()
    /// Meaning: the models and how they are fused (`.off`: words alone).
    var semantic = SemanticSearch.off

    /// A Recall over a store, ranking this way.
    func open(_ location: StoreLocation) -> Recall {
        Recall(location: location, ranking: ranking, semantic: semantic)
    }

    /// bm25 over an OR of the query's words: the baseline every figure is compared with.
    static let bm25 = BenchRanking(label: "bm25, OR of terms", ranking: .plain)

    /// The lexical ranking Recall used before meaning joined it (`--no-semantic`).
    static let lexical = BenchRanking(label: "lexical (--no-semantic)")

    /// Words and meaning, as Recall ranks by default.
    static var fused: BenchRanking { BenchRanking(label: "words + meaning (default)", semantic: .embedded) }

    /// The rankings every quality benchmark prints.
    static var standard: [BenchRanking] { [.bm25, .lexical, .fused] }
}
