import ArgumentParser
import Foundation
import RecallCore

/// Finding a memory asked about in other words: every memory of the paraphrase set in one
/// store, each asked about once without its words and once by its keyword.
struct ParaphraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paraphrase",
        abstract: "hit@5 of memories asked about in other words, and by keyword (Benchmarks/Data/paraphrase.json).")

    @Option(
        name: .customLong("try"),
        help: "Also measure the fused ranking with these weights changed (\"memoryMeaning=0.6\"); repeatable.")
    var variants: [String] = []

    @Option(help: "The paraphrase set.")
    var set = "Benchmarks/Data/paraphrase.json"

    @Option(help: "Folder for the store (emptied first).")
    var work = "Benchmarks/.out/paraphrase"

    @Option(help: "Print up to this many misses (paraphrase questions whose memory is not in the top 5) per ranking.")
    var misses = 0

    func run() throws {
        let data = try ParaphraseSet(path: set)
        let problems = try data.problems()
        guard problems.isEmpty else {
            throw ValidationError(
                "The paraphrase set has pairs that do not test what they claim:\n" + problems.joined(separator: "\n"))
        }
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let location = StoreLocation.file((work as NSString).appendingPathComponent("paraphrase.sqlite"))
        let writer = Recall(location: location)
        var ids: [String] = []
        for pair in data.pairs {
            guard let id = try writer.addMemory(AddMemoryRequest(content: pair.memory)).memories.first?.id else {
                throw ValidationError("\"\(pair.memory)\" was not stored.")
            }
            ids.append(id)
        }
        print(
            "\(data.pairs.count) memories over \(Set(data.pairs.map(\.topic)).count) topics in one store; no paraphrase shares a content word with its memory"
        )
        print("ranking                       paraphrase hit@5  MRR     keyword hit@5  MRR")
        for ranking in try BenchRanking.standard + variants.map(BenchRanking.variant) {
            let recall = ranking.open(location)
            var paraphrase = (hits: 0, reciprocal: 0.0)
            var keyword = (hits: 0, reciprocal: 0.0)
            var missed: [String] = []
            for (pair, id) in zip(data.pairs, ids) {
                let para = try rank(of: id, for: pair.paraphrase, in: recall)
                let key = try rank(of: id, for: pair.keyword, in: recall)
                if let para, para < 5 {
                    paraphrase.hits += 1
                } else {
                    missed.append("  \(pair.paraphrase)  →  \(pair.memory)")
                }
                if let key, key < 5 { keyword.hits += 1 }
                paraphrase.reciprocal += para.map { 1 / Double($0 + 1) } ?? 0
                keyword.reciprocal += key.map { 1 / Double($0 + 1) } ?? 0
            }
            let count = Double(data.pairs.count)
            print(
                ranking.label.padding(toLength: 28, withPad: " ", startingAt: 0)
                    + String(
                        format: "  %.3f             %.3f   %.3f          %.3f", Double(paraphrase.hits) / count,
                        paraphrase.reciprocal / count,
                        Double(keyword.hits) / count, keyword.reciprocal / count))
            for line in missed.prefix(misses) { print(line) }
        }
    }

    /// Where the memory comes in the default search (all scopes) for a question, from 0; nil past 10.
    private func rank(of id: String, for question: String, in recall: Recall) throws -> Int? {
        try recall.search(SearchRequest(query: question, limit: 10)).results.firstIndex { $0.id == id }
    }
}
