import ArgumentParser
import Foundation
import RecallCore

/// Retrieval quality on LoCoMo: every question with evidence, searched within its own conversation.
struct LoCoMoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locomo",
        abstract: "Recall@k of evidence turns on LoCoMo (conversations 0-4 tune, 5-9 held out).",
        discussion: """
            By default the ten conversations are written as Claude exports and imported with Recall's own \
            importer into one store, a bucket each (roles user/assistant, names only in the text, session \
            dates). --shape transcript stores each conversation alone with an author per turn instead.
            """)

    @Option(
        name: .customLong("try"),
        help: "Also measure the fused ranking with these weights changed (\"messageMeaning=0.2 pool=200\"); repeatable."
    )
    var variants: [String] = []

    @Option(help: "Path to locomo10.json.")
    var dataset = "../shared/datasets/locomo/locomo10.json"

    @Option(help: "How the conversations reach the store: claude (the import path) or transcript.")
    var shape = LoCoMoShape.claude

    @Option(help: "Folder for the generated exports and stores (emptied first).")
    var work = "Benchmarks/.out/locomo"

    @Flag(help: "Import with memory extraction, so turns can also be found through the memories extracted from them.")
    var extract = false

    @Flag(help: "Also run each lexical ranking signal added one at a time.")
    var ablation = false

    @Option(
        help: "Write every question's top 100 of the last ranking (turn ids and scores) as JSON lines to this file.")
    var dump: String?

    func run() throws {
        guard FileManager.default.fileExists(atPath: dataset) else {
            throw ValidationError("No dataset at \(dataset); pass --dataset PATH to locomo10.json.")
        }
        let data = try LoCoMoDataset(path: dataset)
        let stores = try LoCoMoStores(
            data, shape: shape, extract: extract, folder: (work as NSString).appendingPathComponent(shape.rawValue))
        var rankings = try BenchRanking.standard + variants.map(BenchRanking.variant)
        if ablation { rankings = Self.ablationSteps() }
        var results: [(BenchRanking, LoCoMoResult)] = []
        for ranking in rankings { results.append((ranking, try evaluate(data, stores: stores, ranking: ranking))) }
        if let dump, let last = rankings.last { try write(data, stores: stores, ranking: last, to: dump) }
        guard let (shown, result) = results.first(where: { $0.0.label == BenchRanking.fused.label }) ?? results.last
        else { return }
        print(
            "LoCoMo through the \(shape.rawValue) path\(extract ? " with extraction (\(stores.memories) memories)" : ""); tables for: \(shown.label)"
        )
        result.printTables()
        Self.printComparison(results)
    }

    /// Each lexical signal joins at its default weight, so the last step is today's lexical ranking.
    private static func ablationSteps() -> [BenchRanking] {
        let tuned = RankingWeights()
        var weights = RankingWeights.plain
        var steps = [BenchRanking.bm25]
        weights.window = tuned.window
        weights.neighbour = tuned.neighbour
        steps.append(BenchRanking(label: "+ neighbouring turns", ranking: weights))
        weights.coverage = tuned.coverage
        steps.append(BenchRanking(label: "+ term coverage", ranking: weights))
        weights.author = tuned.author
        steps.append(BenchRanking(label: "+ named speaker", ranking: weights))
        weights.time = tuned.time
        steps.append(BenchRanking(label: "+ named date (lexical)", ranking: weights))
        return steps
    }

    /// One line per ranking: overall, multi-hop and keyword-only figures per split.
    private static func printComparison(_ results: [(BenchRanking, LoCoMoResult)]) {
        guard let keywordCount = results.first.map({ $0.1.keywordOnly(nil).count }) else { return }
        print("\ncategories 1-4: recall@10 / all@10; multi-hop all@10; keyword-only (n=\(keywordCount)) recall@10")
        print(
            "ranking                       tune 0-4         held-out 5-9     all 0-9          multi-hop held  keyword tune / held"
        )
        for (ranking, result) in results {
            let all = result.overall(nil)
            print(
                ranking.label.padding(toLength: 28, withPad: " ", startingAt: 0) + "  " + result.summary("tune 0-4")
                    + "    "
                    + result.summary("held-out 5-9") + "    "
                    + String(format: "%.3f / %.3f", all.meanRecall10, all.meanAll10)
                    + String(
                        format: "    %.3f           %.3f / %.3f", result.category(1, "held-out 5-9").meanAll10,
                        result.keywordOnly("tune 0-4").meanRecall10, result.keywordOnly("held-out 5-9").meanRecall10))
        }
        guard let baseline = results.first(where: { $0.0.label == BenchRanking.lexical.label })?.1 else { return }
        for (ranking, result) in results where ranking.label != BenchRanking.lexical.label {
            let change = result.keywordLosses(against: baseline)
            print(
                "keyword-only questions vs lexical, \(ranking.label): \(change.worse) worse, \(change.better) better of \(change.count)"
            )
        }
    }

    /// Writes, for every question with evidence, its top 100 turns and their scores.
    private func write(_ data: LoCoMoDataset, stores: LoCoMoStores, ranking: BenchRanking, to path: String) throws {
        var lines: [String] = []
        for (index, sample) in data.samples.enumerated() {
            let place = stores.places[index]
            let recall = ranking.open(place.location)
            for (number, question) in sample.questions.enumerated() where !question.evidence.isEmpty {
                var hits: [SearchHit] = []
                var cursor: String?
                repeat {
                    let page = try recall.search(
                        SearchRequest(
                            query: question.text, scope: .messages, filters: SearchFilters(bucket: place.bucket),
                            limit: 50, cursor: cursor))
                    hits += page.results
                    cursor = page.nextCursor
                } while cursor != nil && hits.count < 100
                let line: [String: Any] = [
                    "sample": index, "question": number, "text": question.text, "category": question.category,
                    "evidence": question.evidence,
                    "ranked": hits.prefix(100).map { [$0.sourceMessageID ?? "", $0.score] as [Any] },
                ]
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: line), as: UTF8.self))
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Asks every question with evidence in its own conversation's store or bucket.
    private func evaluate(_ data: LoCoMoDataset, stores: LoCoMoStores, ranking: BenchRanking) throws -> LoCoMoResult {
        var result = LoCoMoResult()
        for (index, sample) in data.samples.enumerated() {
            let place = stores.places[index]
            let recall = ranking.open(place.location)
            let keywords = KeywordQuestions(sample)
            let split = index < 5 ? "tune 0-4" : "held-out 5-9"
            for (number, question) in sample.questions.enumerated() where !question.evidence.isEmpty {
                let start = DispatchTime.now().uptimeNanoseconds
                let request = SearchRequest(
                    query: question.text, scope: .messages, filters: SearchFilters(bucket: place.bucket), limit: 20)
                let page = try recall.search(request)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                result.add(
                    split: split, category: question.category, evidence: question.evidence,
                    ranked: page.results.compactMap(\.sourceMessageID), seconds: seconds,
                    key: "\(sample.id)#\(number)", keywordOnly: keywords.isKeywordOnly(question))
            }
        }
        return result
    }
}
