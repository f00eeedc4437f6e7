import ArgumentParser
import Foundation
import RecallCore

/// Durable facts against requests: the labelled set of user messages, tune and held-out halves.
struct DurableFactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "durable",
        abstract: "Precision and recall of durable memories on the labelled chat messages (tune and held-out halves).")

    @Option(help: "Path to durable-facts.json.")
    var dataset = "Benchmarks/Data/durable-facts.json"

    @Option(help: "Print this many missed memories and wrong memories of the chosen half.")
    var examples = 0

    @Flag(help: "Also print every dropped candidate of the chosen half with its reason.")
    var dropped = false

    @Option(help: "The half whose examples and dropped candidates are printed: tune or held-out.")
    var split = "tune"

    @Option(
        help:
            "Write every candidate of the tune half (text, label from its sentence, sentence vector) as JSON lines to this file, for scripts/durability/train_head.py."
    )
    var features: String?

    @Flag(help: "Judge by the rules alone, without the durability head (always so with --features).")
    var rulesOnly = false

    @Option(help: "The sentence vectors --features writes: static or transformer.")
    var featuresModel = "static"

    func run() throws {
        guard FileManager.default.fileExists(atPath: dataset) else {
            throw ValidationError("No dataset at \(dataset); pass --dataset PATH to durable-facts.json.")
        }
        let data = try DurableFactsDataset(path: dataset)
        let extractor = rulesOnly || features != nil ? RuleBasedFactExtractor(head: nil) : RuleBasedFactExtractor()
        // A fixed date, so relative times resolve the same on every run.
        let date = Date(timeIntervalSince1970: 1_714_550_400)
        var splits: [String: DurableFactsMetrics] = [:]
        var droppedLines: [String] = []
        var rows = try HeadFeatures(model: featuresModel)
        for message in data.messages {
            let source = MemorySource(chatID: message.domain, messageID: message.id)
            let candidates = extractor.candidates(
                from: ExtractionInput(text: message.text, role: .user, date: date, source: source))
            splits[message.split, default: DurableFactsMetrics()].add(message, candidates: candidates)
            // Only the tune half trains the head; the held-out half only measures it.
            if features != nil, message.split == "tune" {
                for candidate in candidates {
                    let label = DurableFactsMetrics.sourceLabel(of: candidate, in: message)
                    rows.add(
                        set: "durable", split: message.split, group: message.id, text: candidate.content,
                        label: label == "durable" ? 1 : 0,
                        why: label, kept: candidate.verdict == .keep, type: candidate.type.rawValue)
                }
            }
            if message.split == split {
                for candidate in candidates where candidate.verdict == .drop {
                    droppedLines.append("\(message.id): \(candidate.content)  [\(candidate.reason ?? "")]")
                }
            }
        }
        if let features { try rows.write(to: features) }
        print(
            "Durable facts: \(data.messages.count) messages, \(data.messages.reduce(0) { $0 + $1.expected.count }) expected memories"
        )
        print(
            "match: Jaccard of content words >= \(DurableFactsMetrics.threshold) with an expected memory of the same message, or most"
        )
        print(
            "of a memory's content words inside one (an expected memory may hold two facts that are extracted apart);")
        print(
            "type-ok: a matching memory has the expected type; from-req: kept memories from a request or an instruction\n"
        )
        print(DurableFactsMetrics.header)
        for split in ["tune", "held-out"] {
            let metrics = splits[split] ?? DurableFactsMetrics()
            print(metrics.row(split))
        }
        for split in ["tune", "held-out"] {
            print("\(split): kept memories stating nothing expected, by source: \(splits[split]?.sources ?? "")")
        }
        if examples > 0, let chosen = splits[split] {
            print("\nmissed (\(split)):")
            for line in chosen.missed.prefix(examples) { print("  - \(line)") }
            print("\nkept but not expected (\(split)):")
            for line in chosen.wrong.prefix(examples) { print("  - \(line)") }
        }
        if dropped {
            print("\ndropped (\(split)):")
            for line in droppedLines { print("  - \(line)") }
        }
    }
}
