/// Puts word evidence and meaning evidence for one kind of item (memories or messages) on one
/// 0...1 scale, the scale every hit's score is on, so memories and messages merge by score.
///
/// Words count relative to the best word match of the query among items of the same kind
/// (bm25 magnitudes differ between a few hundred short memories and a million turns); meaning
/// counts as the cosine above what unrelated text scores with the model (see
/// ``SimilarityScale``), which is comparable across queries and kinds.
struct MeaningFusion: Sendable {
    /// How much meaning counts against words, 0...1 (see ``FusionWeights``).
    var meaningWeight: Double
    /// The best word score among the candidates (0 when nothing matched a word).
    var bestLexical: Double

    /// The fused score of one item from its word score (0 if none) and its meaning (0...1).
    func score(lexical: Double, meaning: Double) -> Double {
        let words = bestLexical > 0 ? lexical / bestLexical : 0
        return (1 - meaningWeight) * words + meaningWeight * meaning
    }
}

/// Maps one model's cosine to 0...1: 0 at what unrelated text typically scores with it, 1 for
/// the same text.
///
/// Static vectors share a common direction (unrelated chat turns score about
/// 0.4); the transformer's are spread wider (about 0.15).
struct SimilarityScale: Sendable {
    /// The cosine of typical unrelated text.
    var floor: Double

    /// The cosine on the 0...1 scale.
    func meaning(_ cosine: Double) -> Double {
        max(0, cosine - floor) / (1 - floor)
    }
}
