/// How much a query's words can be trusted, to set how much meaning counts for it.
///
/// Meaning counts more when the words are weak evidence: when even the best word match covers
/// few of the query's terms (a question worded unlike the answer). It counts less when a term
/// is rare in the store, as exact names, code names and ids are: those must keep winning.
enum QueryEvidence {
    /// The meaning weight for a query, from the base weight of its kind of item, each term's
    /// matches, and the best word match (nil when no word matched). `items` is about how many
    /// items of the kind the store holds: in a store of a dozen memories every word is "rare",
    /// so a term counts as rare only when it also picks out at most one item in twenty.
    static func meaningWeight<Key: Hashable>(base: Double, termScores: [[Key: Double]], best: Key?, items: Int, weights: FusionWeights) -> Double {
        guard let best, !termScores.isEmpty else { return base }
        let covered = Double(termScores.filter { $0[best] != nil }.count) / Double(termScores.count)
        var weight = base * (1 + weights.weakWords * (1 - covered))
        if termScores.contains(where: { !$0.isEmpty && $0.count <= weights.rareMatches && $0.count * 20 <= items }) { weight *= weights.rareWord }
        return min(0.95, max(0, weight))
    }
}
