import Foundation

/// Retrieval figures for a set of questions: recall@k, all@10, MRR and latency percentiles.
struct RetrievalMetrics {
    private(set) var count = 0
    private var recall5 = 0.0
    private var recall10 = 0.0
    private var recall20 = 0.0
    private var all10 = 0.0
    private var reciprocalRank = 0.0
    private var latencies: [Double] = []

    /// Adds one question: its evidence and the ranked message ids returned.
    mutating func add(evidence: [String], ranked: [String], seconds: Double) {
        let gold = Set(evidence)
        guard !gold.isEmpty else { return }
        count += 1
        func share(_ k: Int) -> Double { Double(gold.intersection(ranked.prefix(k)).count) / Double(gold.count) }
        recall5 += share(5)
        recall10 += share(10)
        recall20 += share(20)
        all10 += gold.isSubset(of: Set(ranked.prefix(10))) ? 1 : 0
        if let first = ranked.firstIndex(where: gold.contains) { reciprocalRank += 1 / Double(first + 1) }
        latencies.append(seconds)
    }

    /// Merges another set.
    mutating func merge(_ other: RetrievalMetrics) {
        count += other.count
        recall5 += other.recall5
        recall10 += other.recall10
        recall20 += other.recall20
        all10 += other.all10
        reciprocalRank += other.reciprocalRank
        latencies += other.latencies
    }

    /// Mean recall@10.
    var meanRecall10: Double { count == 0 ? 0 : recall10 / Double(count) }

    /// Share of questions with every evidence turn in the top 10.
    var meanAll10: Double { count == 0 ? 0 : all10 / Double(count) }

    /// One table row.
    func row(_ label: String) -> String {
        guard count > 0 else { return label.padding(toLength: 22, withPad: " ", startingAt: 0) + "  (no questions)" }
        let n = Double(count)
        let sorted = latencies.sorted()
        let p50 = sorted[sorted.count / 2] * 1000
        let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))] * 1000
        return label.padding(toLength: 22, withPad: " ", startingAt: 0)
            + String(
                format: "%5d  %6.3f  %6.3f  %6.3f  %6.3f  %6.3f  %7.2f  %7.2f", count, recall5 / n, recall10 / n,
                recall20 / n, all10 / n, reciprocalRank / n, p50, p99)
    }

    /// The header matching `row`.
    static let header = "set                       n     r@5    r@10    r@20  all@10     MRR  p50 ms  p99 ms"
}
