import Foundation

/// LoCoMo figures per split and category, and the tables that print them.
struct LoCoMoResult {
    private var table: [String: [Int: RetrievalMetrics]] = [:]
    private var keyword: [String: RetrievalMetrics] = [:]
    /// recall@10 of every question of categories 1–4 keyed by sample and question index, with
    /// whether it is a keyword-only question, to compare two rankings question by question.
    private(set) var perQuestion: [String: (recall10: Double, keyword: Bool)] = [:]
    private static let names = [1: "multi-hop", 2: "temporal", 3: "open-domain", 4: "single-hop", 5: "adversarial"]
    static let splits = ["tune 0-4", "held-out 5-9"]

    mutating func add(
        split: String, category: Int, evidence: [String], ranked: [String], seconds: Double, key: String,
        keywordOnly: Bool
    ) {
        var one = RetrievalMetrics()
        one.add(evidence: evidence, ranked: ranked, seconds: seconds)
        table[split, default: [:]][category, default: RetrievalMetrics()].merge(one)
        guard (1...4).contains(category) else { return }
        if keywordOnly { keyword[split, default: RetrievalMetrics()].merge(one) }
        perQuestion[key] = (one.meanRecall10, keywordOnly)
    }

    /// Categories 1–4 of a split (or of both, for nil) merged.
    func overall(_ split: String?) -> RetrievalMetrics {
        var merged = RetrievalMetrics()
        for name in Self.splits where split == nil || split == name {
            for category in 1...4 { merged.merge(table[name]?[category] ?? RetrievalMetrics()) }
        }
        return merged
    }

    /// One category of a split.
    func category(_ category: Int, _ split: String) -> RetrievalMetrics {
        table[split]?[category] ?? RetrievalMetrics()
    }

    /// The keyword-only questions (see `KeywordQuestions`) of a split, or of both for nil.
    func keywordOnly(_ split: String?) -> RetrievalMetrics {
        var merged = RetrievalMetrics()
        for name in Self.splits where split == nil || split == name {
            merged.merge(keyword[name] ?? RetrievalMetrics())
        }
        return merged
    }

    /// `recall@10 / all@10` of a split's categories 1–4.
    func summary(_ split: String) -> String {
        let metrics = overall(split)
        return String(format: "%.3f / %.3f", metrics.meanRecall10, metrics.meanAll10)
    }

    /// Keyword-only questions whose recall@10 is lower here than in `baseline`, and how many were compared.
    func keywordLosses(against baseline: LoCoMoResult) -> (worse: Int, better: Int, count: Int) {
        var worse = 0
        var better = 0
        var count = 0
        for (key, value) in perQuestion where value.keyword {
            guard let before = baseline.perQuestion[key] else { continue }
            count += 1
            if value.recall10 < before.recall10 - 1e-9 { worse += 1 }
            if value.recall10 > before.recall10 + 1e-9 { better += 1 }
        }
        return (worse, better, count)
    }

    /// Every split, then both together: each category, categories 1–4 overall, and the keyword-only questions.
    func printTables() {
        for split in Self.splits + ["all 0-9"] {
            print("\n\(split)\n" + RetrievalMetrics.header)
            for category in 1...5 {
                var metrics = RetrievalMetrics()
                for name in Self.splits where split == "all 0-9" || split == name {
                    metrics.merge(table[name]?[category] ?? RetrievalMetrics())
                }
                print(metrics.row("  \(category) \(Self.names[category] ?? "")"))
            }
            let name: String? = split == "all 0-9" ? nil : split
            print(overall(name).row("  overall 1-4"))
            print(keywordOnly(name).row("  keyword-only 1-4"))
        }
    }
}
