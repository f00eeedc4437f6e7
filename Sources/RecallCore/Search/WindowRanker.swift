import Foundation

/// Ranks passages by how well a window of turns around each one answers the query.
///
/// Each term's best evidence counts once per candidate: the turn's own bm25 score for the term,
/// or a discounted score from a turn next to it (the answer often sits beside the turn that
/// names the topic). Candidates that cover more of the query's terms rise, and when the query
/// names one of the speakers, that speaker's turns rise. Weights were chosen on LoCoMo
/// conversations 0–4 and checked on 5–9 (see the benchmark in the README).
struct WindowRanker: Sendable {
    /// The weights in use.
    var weights = RankingWeights()

    /// Scores candidates from per-term scores.
    ///
    /// `neighbours` gives the keys around a key; a key must be among the neighbours of each of its
    /// neighbours.
    func rank<Key: Hashable & Comparable>(
        termScores: [[Key: Double]], neighbours: (Key) -> [Key]
    ) -> [(key: Key, score: Double)] {
        guard !termScores.isEmpty else { return [] }
        // Each term's best score beside every key next to a match, spread once from the matches
        // (neighbourhood is symmetric) rather than gathered again for every candidate.
        let beside: [[Key: Double]] = termScores.map { scores in
            var best: [Key: Double] = [:]
            best.reserveCapacity(scores.count * 2)
            for (key, score) in scores {
                for other in neighbours(key) where score > best[other] ?? 0 { best[other] = score }
            }
            return best
        }
        var candidates: Set<Key> = []
        for index in termScores.indices {
            candidates.formUnion(termScores[index].keys)
            candidates.formUnion(beside[index].keys)
        }
        var ranked: [(key: Key, score: Double)] = []
        ranked.reserveCapacity(candidates.count)
        for key in candidates {
            var total = 0.0
            var covered = 0
            for index in termScores.indices {
                let own = termScores[index][key] ?? 0
                let near = (beside[index][key] ?? 0) * weights.neighbour
                let best = max(own, near)
                if best > 0 {
                    total += best
                    covered += 1
                }
            }
            guard total > 0 else { continue }
            total *= 1 + weights.coverage * Double(covered) / Double(termScores.count)
            ranked.append((key, total))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        return ranked
    }

    /// Raises turns by the one speaker the query names and turns from the time it names, and re-sorts.
    func boost<Key: Comparable>(
        _ ranked: [(key: Key, score: Double)], facts: (Key) -> (namedAuthor: Bool, namedTime: Bool)
    ) -> [(key: Key, score: Double)] {
        ranked.map { item in
            let fact = facts(item.key)
            var score = item.score
            if fact.namedAuthor { score *= 1 + weights.author }
            if fact.namedTime { score *= 1 + weights.time }
            return (item.key, score)
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
    }

    /// The single speaker a query names by name, if exactly one of `authors` appears in it as words.
    static func namedAuthor(in query: QueryTokens, among authors: Set<String>) -> String? {
        let named = authors.filter { author in
            let parts = QueryTokens.allWords(in: author)
            return !parts.isEmpty && parts.allSatisfy(query.names.contains)
        }
        return named.count == 1 ? named.first : nil
    }
}
