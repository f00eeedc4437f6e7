import Foundation
import RecallCore

/// Extraction quality on the labelled set: how many expected memories a kept candidate states
/// (recall), how many kept candidates state an expected memory of their message (precision), and
/// where the others came from.
struct DurableFactsMetrics {
    /// A kept memory states an expected one when their content words reach this Jaccard similarity.
    static let threshold = 0.3
    /// A kept memory states part of an expected one when at least this share of its content words
    /// are the expected memory's ("The user is vegan." of "The user is vegan and cooks for five.").
    static let partShare = 0.75

    private(set) var messages = 0
    private(set) var expected = 0
    private(set) var found = 0
    private(set) var kept = 0
    private(set) var correct = 0
    private(set) var typed = 0
    private(set) var dropped = 0
    /// Kept memories that state nothing expected, by the label of the sentence they most resemble.
    private(set) var wrongBySource: [String: Int] = [:]
    /// Examples for inspection.
    private(set) var missed: [String] = []
    private(set) var wrong: [String] = []

    private static let words = ContentWords(subjects: [])

    /// Adds one message's candidates (kept and dropped).
    mutating func add(_ message: DurableFactsDataset.Message, candidates: [MemoryCandidate]) {
        messages += 1
        let keptCandidates = candidates.filter { $0.verdict == .keep }
        dropped += candidates.count - keptCandidates.count
        let expectations = message.expected
        let expectedWords = expectations.map { Self.words.of($0.content) }
        let keptWords = keptCandidates.map { Self.words.of($0.content) }
        expected += expectations.count
        kept += keptCandidates.count
        for (index, expectation) in expectations.enumerated() {
            // One expected memory may hold two facts that the extractor states apart: their words together count.
            let parts = keptCandidates.indices.filter { Self.isPart(keptWords[$0], of: expectedWords[index]) }
            let together = parts.reduce(into: Set<String>()) { $0.formUnion(keptWords[$1]) }
            let matching = keptCandidates.indices.filter {
                ContentWords.jaccard(expectedWords[index], keptWords[$0]) >= Self.threshold
            }
            if matching.isEmpty, ContentWords.jaccard(expectedWords[index], together) < Self.threshold {
                missed.append("\(message.id): \(expectation.content)")
                continue
            }
            found += 1
            if (matching + parts).contains(where: { keptCandidates[$0].type.rawValue == expectation.type }) {
                typed += 1
            }
        }
        let sentenceWords = message.sentences.map { Self.words.of($0.text) }
        for (index, candidate) in keptCandidates.enumerated() {
            if expectedWords.contains(where: {
                ContentWords.jaccard($0, keptWords[index]) >= Self.threshold || Self.isPart(keptWords[index], of: $0)
            }) {
                correct += 1
                continue
            }
            // The sentence it most likely came from: the one sharing most content words.
            let source = sentenceWords.indices.max {
                sentenceWords[$0].intersection(keptWords[index]).count
                    < sentenceWords[$1].intersection(keptWords[index]).count
            }
            let label = source.map { message.sentences[$0].label } ?? "?"
            wrongBySource[label, default: 0] += 1
            wrong.append("\(message.id) [\(label)]: \(candidate.content)")
        }
    }

    /// The label of the sentence a candidate most likely came from: the one sharing most content words.
    static func sourceLabel(of candidate: MemoryCandidate, in message: DurableFactsDataset.Message) -> String {
        let memory = words.of(candidate.content)
        let best = message.sentences.max {
            words.of($0.text).intersection(memory).count < words.of($1.text).intersection(memory).count
        }
        return best?.label ?? "?"
    }

    /// Whether most of a memory's content words belong to an expected memory.
    private static func isPart(_ memory: Set<String>, of expected: Set<String>) -> Bool {
        !memory.isEmpty && Double(memory.intersection(expected).count) >= partShare * Double(memory.count)
    }

    /// Kept memories that came from a request or an instruction.
    var fromRequests: Int { DurableFactsDataset.requestLabels.reduce(0) { $0 + (wrongBySource[$1] ?? 0) } }

    /// One table row.
    func row(_ label: String) -> String {
        func share(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "     -" : String(format: "%6.3f", Double(part) / Double(whole))
        }
        return label.padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: "%8d %8d %6d %7d", messages, expected, kept, dropped)
            + "  \(share(found, expected))  \(share(correct, kept))  \(share(typed, found))  \(String(format: "%8d", fromRequests))"
    }

    /// The header matching `row`.
    static let header = "set       messages expected   kept dropped  recall  precis  type-ok  from-req"

    /// Where the kept memories that state nothing expected came from.
    var sources: String {
        wrongBySource.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map {
            "\($0.key) \($0.value)"
        }.joined(separator: ", ")
    }
}
