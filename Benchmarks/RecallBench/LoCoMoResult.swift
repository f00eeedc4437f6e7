import Foundation

/// LoCoMo figures per split and category, and the tables that print them.
struct LoCoMoResult {
    private var table: [String: [Int: RetrievalMetrics]] = [:]
    private static let names = [1: "multi-hop", 2: "temporal", 3: "open-domain", 4: "single-hop", 5: "adversarial"]
    private static let splits = ["tune 0-4", "held-out 5-9"]

    mutating func add(split: String, category: Int, evidence: [String], ranked: [String], seconds: Double) {
        table[split, default: [:]][category, default: RetrievalMetrics()].add(evidence: evidence, ranked: ranked, seconds: seconds)
    }

    /// Categories 1–4 of a split (or of both, for nil) merged.
    func overall(_ split: String?) -> RetrievalMetrics {
        var merged = RetrievalMetrics()
        for name in Self.splits where split == nil || split == name {
            for category in 1...4 { merged.merge(table[name]?[category] ?? RetrievalMetrics()) }
        }
        return merged
    }

    /// `recall@10 / all@10` of a split's categories 1–4.
    func summary(_ split: String) -> String {
        let metrics = overall(split)
        return String(format: "%.3f / %.3f", metrics.meanRecall10, metrics.meanAll10)
    }

    /// Every split, then both together: each category, and categories 1–4 overall.
    func printTables() {
        for split in Self.splits + ["all 0-9"] {
            print("\n\(split)\n" + RetrievalMetrics.header)
            for category in 1...5 {
                var metrics = RetrievalMetrics()
                for name in Self.splits where split == "all 0-9" || split == name { metrics.merge(table[name]?[category] ?? RetrievalMetrics()) }
                print(metrics.row("  \(category) \(Self.names[category] ?? "")"))
            }
            print(overall(split == "all 0-9" ? nil : split).row("  overall 1-4"))
        }
    }
}
