import ArgumentParser
import Foundation
import RecallCore

/// Fact extraction on LoCoMo: extracted memories against the gold `observation` facts.
///
/// Each speaker is a user of their own: their turns are `user` messages, the other speaker's
/// turns are `assistant` messages (which yield facts only where they restate something the
/// speaker said, as an assistant's would). Sessions are extracted with the session's date, so
/// "yesterday" resolves as it did in the conversation.
struct ExtractionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract:
            "Fact extraction recall and precision on LoCoMo's gold observations (conversations 0-4 tune, 5-9 held out)."
    )

    @Option(help: "Path to locomo10.json.")
    var dataset = "../shared/datasets/locomo/locomo10.json"

    @Option(help: "Print this many missed gold facts and unmatched memories of the tuning split.")
    var examples = 0

    @Option(
        help:
            "Write every candidate, kept or dropped, as a JSON line (sample, speaker, session, turn, content, type, verdict, reason, whether it matches a gold fact) to this file."
    )
    var dump: String?

    @Option(
        help:
            "Write every candidate of conversations 0-4 (text, whether it matches a gold fact, sentence vector) as JSON lines to this file, for scripts/durability/train_head.py."
    )
    var features: String?

    @Flag(help: "Judge by the rules alone, without the durability head (always so with --features).")
    var rulesOnly = false

    @Option(help: "The sentence vectors --features writes: static or transformer.")
    var featuresModel = "static"

    func run() throws {
        guard FileManager.default.fileExists(atPath: dataset) else {
            throw ValidationError("No dataset at \(dataset); pass --dataset PATH to locomo10.json.")
        }
        let data = try LoCoMoDataset(path: dataset)
        let gold = try LoCoMoObservations(path: dataset)
        let extractor = rulesOnly || features != nil ? RuleBasedFactExtractor(head: nil) : RuleBasedFactExtractor()
        var splits: [String: ExtractionMetrics] = [:]
        var audit = MergeAudit()
        let store = Recall.inMemory()
        var messages = 0
        var seconds = 0.0
        var lines: [String] = []
        var rows = try HeadFeatures(model: featuresModel)
        var tuneGold = 0
        for (index, sample) in data.samples.enumerated() {
            let split = index < 5 ? "tune 0-4" : "held-out 5-9"
            let words = ContentWords(subjects: sample.speakers)
            for speaker in sample.speakers {
                var spoken: [MemoryCandidate] = []
                var goldFacts: [String] = []
                defer {
                    try? audit.store(spoken, userID: "\(sample.id)/\(speaker)", in: store)
                    audit.auditGold(goldFacts, speaker: speaker)
                }
                for session in sample.sessions {
                    let inputs = session.turns.map { turn in
                        ExtractionInput(
                            text: turn.text, role: turn.speaker == speaker ? .user : .assistant, date: session.date,
                            source: MemorySource(
                                chatID: "\(sample.id)/session-\(session.number)", messageID: turn.diaID))
                    }
                    let start = DispatchTime.now().uptimeNanoseconds
                    let candidates = inputs.flatMap(extractor.candidates)
                    seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                    messages += inputs.count
                    let memories = candidates.filter { $0.verdict == .keep }
                    let facts = gold.facts[sample.id]?[session.number]?[speaker] ?? []
                    // Only conversations 0-4 train the head; 5-9 only measure it.
                    if features != nil, index < 5 {
                        tuneGold += facts.count
                        let goldWords = facts.map { words.of($0.text) }
                        for candidate in candidates {
                            let memoryWords = words.of(candidate.content)
                            let matched = goldWords.indices.filter {
                                ContentWords.jaccard(goldWords[$0], memoryWords) >= ExtractionMetrics.threshold
                            }
                            rows.add(
                                set: "locomo", split: split, group: "\(sample.id)/\(speaker)", text: candidate.content,
                                label: matched.isEmpty ? 0 : 1, why: matched.isEmpty ? "no gold" : "gold",
                                kept: candidate.verdict == .keep, type: candidate.type.rawValue,
                                gold: matched.map { "\(sample.id)/\(session.number)/\(speaker)/\($0)" })
                        }
                    }
                    if dump != nil {
                        let goldWords = facts.map { words.of($0.text) }
                        for candidate in candidates {
                            let memoryWords = words.of(candidate.content)
                            let matched = goldWords.indices.filter {
                                ContentWords.jaccard(goldWords[$0], memoryWords) >= ExtractionMetrics.threshold
                            }
                            let matches = !matched.isEmpty
                            let line: [String: String] = [
                                "gold": matched.map { "\(sample.id)/\(session.number)/\(speaker)/\($0)" }.joined(
                                    separator: " "),
                                "gold_count": String(facts.count),
                                "sample": sample.id, "speaker": speaker, "session": String(session.number),
                                "split": split,
                                "turn": candidate.source?.messageID ?? "", "content": candidate.content,
                                "type": candidate.type.rawValue,
                                "verdict": candidate.verdict.rawValue, "reason": candidate.reason ?? "",
                                "matches": matches ? "yes" : "no",
                            ]
                            if let data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]) {
                                lines.append(String(decoding: data, as: UTF8.self))
                            }
                        }
                    }
                    spoken += memories
                    goldFacts += facts.map(\.text)
                    splits[split, default: ExtractionMetrics()].add(gold: facts, extracted: memories, words: words)
                }
            }
        }
        if let features {
            rows.addGoldTotal(set: "locomo", split: "tune 0-4", count: tuneGold)
            try rows.write(to: features)
        }
        if let dump {
            try (lines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        print("LoCoMo extraction: \(data.samples.count) conversations, \(gold.count) gold facts")
        print(
            "match: Jaccard of content words >= \(ExtractionMetrics.threshold); at-evid: and the memory cites an evidence turn;"
        )
        print("lenient: >= 2 shared content words and >= half of the smaller side's\n")
        print(ExtractionMetrics.header)
        var all = ExtractionMetrics()
        for split in ["tune 0-4", "held-out 5-9"] {
            let metrics = splits[split] ?? ExtractionMetrics()
            print(metrics.row(split))
            all.merge(metrics)
        }
        print(all.row("all 0-9"))
        print(
            String(
                format: "\nthroughput: %d messages in %.3f s = %.0f messages/s (extractor only)", messages, seconds,
                Double(messages) / max(seconds, 1e-9)))
        try measureStore(data)
        for line in audit.report(examples: examples) { print(line) }
        if examples > 0, let tune = splits["tune 0-4"] {
            print("\nmissed gold facts (tune):")
            for text in tune.missed.prefix(examples) { print("  - \(text)") }
            print("\nmemories matching no gold fact (tune):")
            for text in tune.unmatched.prefix(examples) { print("  - \(text)") }
        }
    }

    /// Extraction through the store, as `import_chats` with `extract` runs it: deduplication and
    /// supersession included.
    private func measureStore(_ data: LoCoMoDataset) throws {
        let recall = Recall.inMemory()
        var messages = 0
        var memories = 0
        let start = Date()
        for sample in data.samples {
            let conversations = data.conversations(of: sample)
            messages += conversations.reduce(0) { $0 + $1.messages.count }
            memories += try recall.importConversations(
                conversations, label: "locomo \(sample.id)", bucket: sample.id, extract: true
            ).memoriesExtracted
        }
        let elapsed = Date().timeIntervalSince(start)
        print(
            String(
                format:
                    "through the store: %d messages imported and extracted in %.2f s = %.0f messages/s, %d memories",
                messages, elapsed, Double(messages) / elapsed, memories))
    }
}
