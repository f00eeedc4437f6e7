import Foundation
import RecallCore

/// Extraction quality against gold facts: how many gold facts an extracted memory states
/// (recall), how many extracted memories state a gold fact (precision), and how many matches
/// also cite the gold fact's evidence turn.
struct ExtractionMetrics {
    /// A gold fact and a memory match when the Jaccard similarity of their content words is at least this.
    static let threshold = 0.3

    private(set) var gold = 0
    private(set) var goldMatched = 0
    private(set) var goldMatchedAtEvidence = 0
    private(set) var goldMatchedLeniently = 0
    private(set) var extracted = 0
    private(set) var extractedMatching = 0
    /// Examples for inspection: gold facts nothing matched, memories that matched nothing.
    private(set) var missed: [String] = []
    private(set) var unmatched: [String] = []

    /// Adds one session of one speaker.
    mutating func add(gold facts: [LoCoMoObservations.Fact], extracted memories: [MemoryCandidate], words: ContentWords)
    {
        let goldWords = facts.map { words.of($0.text) }
        let memoryWords = memories.map { words.of($0.content) }
        gold += facts.count
        extracted += memories.count
        for (index, fact) in facts.enumerated() {
            let similar = memories.indices.filter {
                ContentWords.jaccard(goldWords[index], memoryWords[$0]) >= Self.threshold
            }
            if !similar.isEmpty { goldMatched += 1 } else { missed.append(fact.text) }
            if similar.contains(where: { memories[$0].source?.messageID.map(fact.evidence.contains) == true }) {
                goldMatchedAtEvidence += 1
            }
            if memories.indices.contains(where: { Self.overlapsLeniently(goldWords[index], memoryWords[$0]) }) {
                goldMatchedLeniently += 1
            }
        }
        for (index, memory) in memories.enumerated() {
            if goldWords.contains(where: { ContentWords.jaccard($0, memoryWords[index]) >= Self.threshold }) {
                extractedMatching += 1
            } else {
                unmatched.append(memory.content)
            }
        }
    }

    /// Merges another set.
    mutating func merge(_ other: ExtractionMetrics) {
        gold += other.gold
        goldMatched += other.goldMatched
        goldMatchedAtEvidence += other.goldMatchedAtEvidence
        goldMatchedLeniently += other.goldMatchedLeniently
        extracted += other.extracted
        extractedMatching += other.extractedMatching
        missed += other.missed
        unmatched += other.unmatched
    }

    /// At least two shared content words, and at least half of the smaller side's.
    static func overlapsLeniently(_ a: Set<String>, _ b: Set<String>) -> Bool {
        let shared = a.intersection(b).count
        return shared >= 2 && Double(shared) >= 0.5 * Double(min(a.count, b.count))
    }

    /// One table row.
    func row(_ label: String) -> String {
        func share(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "     -" : String(format: "%6.3f", Double(part) / Double(whole))
        }
        return label.padding(toLength: 16, withPad: " ", startingAt: 0)
            + String(format: "%6d %8d", gold, extracted)
            + "  \(share(goldMatched, gold))  \(share(extractedMatching, extracted))  \(share(goldMatchedAtEvidence, gold))  \(share(goldMatchedLeniently, gold))"
    }

    /// The header matching `row`.
    static let header = "set               gold  extracted  recall  precis  at-evid lenient"
}
