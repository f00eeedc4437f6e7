/// How much a query's words can be trusted, to set how much meaning counts for it.
///
/// Meaning counts more when the words are weak evidence: when even the best word match covers
/// few of the query's terms (a question worded unlike the answer). It counts less when a term
/// is rare in the store, as exact names, code names and ids are: those must keep winning.
enum QueryEvidence {
    /// The meaning weight for a query, from the base weight of its kind of item, each term's
    /// matches, and the best word match (nil when no word matched).
    static func meaningWeight<Key: Hashable>(base: Double, termScores: [[Key: Double]], best: Key?, weights: FusionWeights) -> Double {
        guard let best, !termScores.isEmpty else { return base }
        let covered = Double(termScores.filter { $0[best] != nil }.count) / Double(termScores.count)
        var weight = base * (1 + weights.weakWords * (1 - covered))
        if termScores.contains(where: { !$0.isEmpty && $0.count <= weights.rareMatches }) { weight *= weights.rareWord }
        return min(0.95, max(0, weight))
    }
}
