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

    @Option(help: "Store file prefix (default: fresh in-memory stores, one per conversation).")
    var db: String?

    func run() throws {
        guard FileManager.default.fileExists(atPath: dataset) else {
            throw ValidationError("No dataset at \(dataset); pass --dataset PATH to locomo10.json.")
        }
        let data = try LoCoMoDataset(path: dataset)
        // Each sample is a different pair of people: one store each, as each would have their own.
        var stores: [String: Recall] = [:]
        let importStart = Date()
        for sample in data.samples {
            let recall = db.map { Recall(location: .file($0 + "-" + sample.id + ".sqlite")) } ?? Recall.inMemory()
            _ = try recall.importConversations(data.conversations(of: sample), label: "locomo \(sample.id)")
            stores[sample.id] = recall
        }
        print(String(format: "imported %d conversations in %.2f s", data.samples.count, Date().timeIntervalSince(importStart)))

        var table: [String: [Int: RetrievalMetrics]] = ["tune 0-4": [:], "held-out 5-9": [:]]
        for (index, sample) in data.samples.enumerated() {
            let split = index < 5 ? "tune 0-4" : "held-out 5-9"
            for question in sample.questions where !question.evidence.isEmpty {
                let start = DispatchTime.now().uptimeNanoseconds
                guard let recall = stores[sample.id] else { continue }
                let page = try recall.search(SearchRequest(query: question.text, scope: .messages, limit: 20))
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                table[split, default: [:]][question.category, default: RetrievalMetrics()]
                    .add(evidence: question.evidence, ranked: page.results.compactMap(\.sourceMessageID), seconds: seconds)
            }
        }
        let names = [1: "multi-hop", 2: "temporal", 3: "open-domain", 4: "single-hop", 5: "adversarial"]
        var both = [Int: RetrievalMetrics]()
        for split in ["tune 0-4", "held-out 5-9"] {
            print("\n\(split)\n" + RetrievalMetrics.header)
            var overall = RetrievalMetrics()
            for category in 1...5 {
                let metrics = table[split]?[category] ?? RetrievalMetrics()
                print(metrics.row("  \(category) \(names[category] ?? "")"))
                both[category, default: RetrievalMetrics()].merge(metrics)
                if category <= 4 { overall.merge(metrics) }
            }
            print(overall.row("  overall 1-4"))
        }
        print("\nall 0-9\n" + RetrievalMetrics.header)
        var overall = RetrievalMetrics()
        for category in 1...5 {
            print((both[category] ?? RetrievalMetrics()).row("  \(category) \(names[category] ?? "")"))
            if category <= 4 { overall.merge(both[category] ?? RetrievalMetrics()) }
        }
        print(overall.row("  overall 1-4"))
    }
}
