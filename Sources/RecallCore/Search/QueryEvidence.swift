import Foundation

/// How much a query's words can be trusted, to set how much meaning counts for it.
///
/// Meaning counts more when the words are weak evidence: when even the best word match covers
/// few of the query's terms (a question worded unlike the answer), and when none of its terms
/// is specific to a few items ("where do I live" in a store where "live" is everywhere). It
/// counts less when the
/// query holds something only words can find (an id, a code name, a version, a quoted phrase)
/// and some item has it: those must keep winning.
enum QueryEvidence {
    /// The meaning weight for a query, from the base weight of its kind of item, whether it holds
    /// an exact token (`QueryTokens.hasExactToken`), each term's matches, and the best word match
    /// (nil when no word matched).
    ///
    /// `items` is about how many items of the kind the store holds.
    static func meaningWeight<Key: Hashable>(
        base: Double, exactToken: Bool, termScores: [[Key: Double]], best: Key?, items: Int, weights: FusionWeights
    ) -> Double {
        guard let best, !termScores.isEmpty else { return base }
        let covered = Double(termScores.filter { $0[best] != nil }.count) / Double(termScores.count)
        var weight = min(0.95, base * (1 + weights.weakWords * (1 - covered)))
        weight += (0.95 - weight) * weights.commonWords * (1 - specificity(termScores, items: items))
        if exactToken { weight *= weights.exactToken }
        return min(0.95, max(0, weight))
    }

    /// How specific the query's most specific matched term is: 1 for a term only one item has,
    /// 0 for one every item has (an inverse document frequency scaled by the store's size).
    ///
    /// Terms are read up to a few hundred matches, so a common term's share is a lower bound.
    static func specificity<Key: Hashable>(_ termScores: [[Key: Double]], items: Int) -> Double {
        let total = Double(max(items, 2))
        return termScores.filter { !$0.isEmpty }.map { scores in
            min(1, max(0, log(total / Double(scores.count)) / log(total)))
        }.max() ?? 1
    }
}
