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

extension BenchRanking {
    /// The default fused ranking with some fusion weights changed, from `name=value` pairs
    /// separated by spaces (`"messageMeaning=0.2 pool=200"`), for choosing weights on 0–4.
    static func variant(_ text: String) throws -> BenchRanking {
        var semantic = SemanticSearch.embedded
        for pair in text.split(separator: " ") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw BenchError("`\(pair)` is not name=value")
            }
            switch parts[0] {
            case "messageMeaning": semantic.fusion.messageMeaning = value
            case "memoryMeaning": semantic.fusion.memoryMeaning = value
            case "secondaryMemoryEncoder": semantic.fusion.secondaryMemoryEncoder = value
            case "provenance": semantic.fusion.provenance = value
            case "pool": semantic.fusion.pool = Int(value)
            case "related": semantic.fusion.related = value
            case "evident": semantic.fusion.evident = value
            case "weakWords": semantic.fusion.weakWords = value
            case "exactToken": semantic.fusion.exactToken = value
            case "commonWords": semantic.fusion.commonWords = value
            default: throw BenchError("unknown fusion weight `\(parts[0])`")
            }
        }
        return BenchRanking(label: text, semantic: semantic)
    }
}

/// A benchmark's own usage error.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
