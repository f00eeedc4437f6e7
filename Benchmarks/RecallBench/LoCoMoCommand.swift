import ArgumentParser
import Foundation
import RecallCore

/// Retrieval quality on LoCoMo: every question with evidence, searched within its own conversation.
struct LoCoMoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locomo",
        abstract: "Recall@k of evidence turns on LoCoMo (conversations 0-4 tune, 5-9 held out).")

    @Option(help: "Path to locomo10.json.")
    var dataset = "../shared/datasets/locomo/locomo10.json"

    @Flag(help: "Also run each ranking signal added one at a time (overall 1-4 only).")
    var ablation = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: dataset) else {
            throw ValidationError("No dataset at \(dataset); pass --dataset PATH to locomo10.json.")
        }
        let data = try LoCoMoDataset(path: dataset)
        let full = try evaluate(data, ranking: RankingWeights())
        full.printTables()
        guard ablation else { return }
        var steps: [(String, RankingWeights)] = [("bm25, OR of terms", .plain)]
        // Each signal joins at its default weight, so the last row is the default ranking.
        let tuned = RankingWeights()
        var weights = RankingWeights.plain
        weights.window = tuned.window
        weights.neighbour = tuned.neighbour
        steps.append(("+ neighbouring turns", weights))
        weights.coverage = tuned.coverage
        steps.append(("+ term coverage", weights))
        weights.author = tuned.author
        steps.append(("+ named speaker", weights))
        weights.time = tuned.time
        steps.append(("+ named date (all)", weights))
        print("\nablation (overall 1-4, recall@10 / all@10)")
        print("signals                     tune 0-4         held-out 5-9")
        for (label, ranking) in steps {
            let result = try evaluate(data, ranking: ranking)
            print(label.padding(toLength: 26, withPad: " ", startingAt: 0) + "  " + result.summary("tune 0-4") + "    " + result.summary("held-out 5-9"))
        }
    }

    /// Imports each sample into its own store — each is a different pair of people, as each
    /// would have their own — and asks every question with evidence.
    private func evaluate(_ data: LoCoMoDataset, ranking: RankingWeights) throws -> LoCoMoResult {
        var result = LoCoMoResult()
        for (index, sample) in data.samples.enumerated() {
            let recall = Recall.inMemory(ranking: ranking)
            _ = try recall.importConversations(data.conversations(of: sample), label: "locomo \(sample.id)")
            let split = index < 5 ? "tune 0-4" : "held-out 5-9"
            for question in sample.questions where !question.evidence.isEmpty {
                let start = DispatchTime.now().uptimeNanoseconds
                let page = try recall.search(SearchRequest(query: question.text, scope: .messages, limit: 20))
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                result.add(split: split, category: question.category, evidence: question.evidence,
                           ranked: page.results.compactMap(\.sourceMessageID), seconds: seconds)
            }
        }
        return result
    }
}
