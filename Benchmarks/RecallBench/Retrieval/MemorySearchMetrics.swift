import Foundation

/// Memory search figures for a set of questions: hit@5 (a relevant memory in the top 5),
/// recall@10 (the share of the question's evidence turns that the top 10's memories cite),
/// MRR and latency percentiles.
struct MemorySearchMetrics {
    private(set) var count = 0
    private var hit5 = 0.0
    private var recall10 = 0.0
    private var reciprocalRank = 0.0
    private var latencies: [Double] = []

    /// Adds one question: its evidence turns (those some memory cites) and, best first, the
    /// evidence turns each returned memory cites.
    mutating func add(evidence: Set<String>, ranked: [Set<String>], seconds: Double) {
        guard !evidence.isEmpty else { return }
        count += 1
        let relevant = ranked.map { !$0.isDisjoint(with: evidence) }
        hit5 += relevant.prefix(5).contains(true) ? 1 : 0
        let covered = ranked.prefix(10).reduce(into: Set<String>()) { $0.formUnion($1.intersection(evidence)) }
        recall10 += Double(covered.count) / Double(evidence.count)
        if let first = relevant.firstIndex(of: true) { reciprocalRank += 1 / Double(first + 1) }
        latencies.append(seconds)
    }

    /// Merges another set.
    mutating func merge(_ other: MemorySearchMetrics) {
        count += other.count
        hit5 += other.hit5
        recall10 += other.recall10
        reciprocalRank += other.reciprocalRank
        latencies += other.latencies
    }

    /// Share of questions with a relevant memory in the top 5.
    var meanHit5: Double { count == 0 ? 0 : hit5 / Double(count) }

    /// Mean share of evidence turns cited by the top 10.
    var meanRecall10: Double { count == 0 ? 0 : recall10 / Double(count) }

    /// "hit@5 / recall@10".
    var summary: String { String(format: "%.3f / %.3f", meanHit5, meanRecall10) }

    /// One table row.
    func row(_ label: String) -> String {
        guard count > 0 else { return label.padding(toLength: 28, withPad: " ", startingAt: 0) + "  (no questions)" }
        let sorted = latencies.sorted()
        let p50 = sorted[sorted.count / 2] * 1000
        let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))] * 1000
        return label.padding(toLength: 28, withPad: " ", startingAt: 0)
            + String(
                format: "%5d  %6.3f  %6.3f  %6.3f  %7.2f  %7.2f", count, meanHit5, meanRecall10,
                reciprocalRank / Double(count), p50, p99)
    }

    /// The header matching `row`.
    static let header = "ranking                           n   hit@5    r@10     MRR   p50 ms   p99 ms"
}
