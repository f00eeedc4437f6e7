import ArgumentParser
import Foundation
import RecallCore

/// Memory search on real data: each LoCoMo conversation's gold facts (`observation`) saved as
/// memories, one store per conversation, and its questions (categories 1–4) asked of them.
///
/// A
/// memory is relevant when it cites one of the question's evidence turns.
struct MemorySearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memories",
        abstract: "hit@5 and recall@10 of LoCoMo's gold facts saved as memories (0-4 tune, 5-9 held out).")

    @Option(
        name: .customLong("try"),
        help: "Also measure the fused ranking with these weights changed (\"messageMeaning=0.2 pool=200\"); repeatable."
    )
    var variants: [String] = []

    @Option(help: "Path to locomo10.json.")
    var dataset = "../shared/datasets/locomo/locomo10.json"

    @Option(help: "Folder for the stores (emptied first).")
    var work = "Benchmarks/.out/memories"

    func run() throws {
        guard FileManager.default.fileExists(atPath: dataset) else {
            throw ValidationError("No dataset at \(dataset); pass --dataset PATH to locomo10.json.")
        }
        let data = try LoCoMoDataset(path: dataset)
        let stores = try MemoryStores(data, observations: LoCoMoObservations(path: dataset), folder: work)
        print(
            "LoCoMo gold facts as memories: \(stores.memoryCount) memories (\(stores.merged) merged into another, \(stores.superseded) superseded)"
        )
        print("questions of categories 1-4 with a fact citing their evidence: \(stores.answerable) of \(stores.asked)")
        var rows: [(String, [String: MemorySearchMetrics])] = []
        for ranking in try BenchRanking.standard + variants.map(BenchRanking.variant) {
            rows.append((ranking.label, try evaluate(data, stores: stores, ranking: ranking)))
        }
        for split in LoCoMoResult.splits {
            print("\n\(split)\n" + MemorySearchMetrics.header)
            for (label, metrics) in rows { print((metrics[split] ?? MemorySearchMetrics()).row(label)) }
        }
    }

    /// Asks every answerable question of categories 1–4 in its conversation's store.
    private func evaluate(_ data: LoCoMoDataset, stores: MemoryStores, ranking: BenchRanking) throws -> [String:
        MemorySearchMetrics]
    {
        var result: [String: MemorySearchMetrics] = [:]
        for (index, sample) in data.samples.enumerated() {
            let recall = ranking.open(stores.locations[index])
            let cited = stores.evidence[index]
            let known = cited.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            let split = index < 5 ? "tune 0-4" : "held-out 5-9"
            for question in sample.questions where (1...4).contains(question.category) {
                let evidence = Set(question.evidence).intersection(known)
                guard !evidence.isEmpty else { continue }
                let start = DispatchTime.now().uptimeNanoseconds
                let page = try recall.search(SearchRequest(query: question.text, scope: .memories, limit: 10))
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                result[split, default: MemorySearchMetrics()].add(
                    evidence: evidence, ranked: page.results.map { cited[$0.id] ?? [] }, seconds: seconds)
            }
        }
        return result
    }
}

/// One store per LoCoMo conversation holding its gold facts as memories, and the turns each
/// memory cites.
struct MemoryStores {
    /// Each sample's store.
    private(set) var locations: [StoreLocation] = []
    /// Per sample: memory id → the evidence turns of the facts stored as (or merged into) it.
    private(set) var evidence: [[String: Set<String>]] = []
    private(set) var memoryCount = 0
    private(set) var merged = 0
    private(set) var superseded = 0
    private(set) var asked = 0
    private(set) var answerable = 0

    /// Saves every gold fact of every sample with `add_memory`'s path, dated by its session.
    init(_ data: LoCoMoDataset, observations: LoCoMoObservations, folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for sample in data.samples {
            let location = StoreLocation.file(
                (folder as NSString).appendingPathComponent("memories-\(sample.id).sqlite"))
            let recall = Recall(location: location)
            let dates = Dictionary(
                sample.sessions.map { ($0.number, $0.date) }, uniquingKeysWith: { first, _ in first })
            var cited: [String: Set<String>] = [:]
            for (session, bySpeaker) in (observations.facts[sample.id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                for (_, facts) in bySpeaker.sorted(by: { $0.key < $1.key }) {
                    for fact in facts {
                        let result = try recall.addMemory(
                            AddMemoryRequest(content: fact.text, memoryType: .fact, memoriesAt: dates[session] ?? nil))
                        merged += result.merged
                        superseded += result.superseded
                        if let id = result.memories.first?.id { cited[id, default: []].formUnion(fact.evidence) }
                    }
                }
            }
            memoryCount += cited.count
            let known = cited.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            for question in sample.questions where (1...4).contains(question.category) {
                asked += 1
                if !Set(question.evidence).isDisjoint(with: known) { answerable += 1 }
            }
            locations.append(location)
            evidence.append(cited)
        }
    }
}
