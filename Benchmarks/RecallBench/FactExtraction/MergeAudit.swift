import Foundation
import RecallCore

/// How deduplication and supersession behave on real extracted memories: every merge of two
/// differently worded memories and every supersession, listed for inspection, and how often the
/// same rules would merge LoCoMo's gold facts (distinct statements, so mostly false merges).
struct MergeAudit {
    private(set) var stored = 0
    private(set) var added = 0
    private(set) var exactMerges = 0
    /// Merges of differently worded memories: (the new one, the one it merged into).
    private(set) var rewordedMerges: [(String, String)] = []
    /// Supersessions: (the new one, the one it replaced).
    private(set) var supersessions: [(String, String)] = []
    /// Pairs of gold facts of one speaker that the gist rule would merge.
    private(set) var goldPairs = 0
    private(set) var goldMerged: [(String, String)] = []

    /// Stores one speaker's extracted memories in their own namespace, in order, one at a time.
    mutating func store(_ memories: [MemoryCandidate], userID: String, in recall: Recall) throws {
        for candidate in memories {
            let result = try recall.addMemory(
                AddMemoryRequest(
                    content: candidate.content, memoryType: candidate.type, memoriesAt: candidate.memoriesAt,
                    userID: userID,
                    confidence: candidate.confidence))
            stored += 1
            added += result.added
            guard let memory = result.memories.first else { continue }
            if result.merged > 0 {
                if FactSignature.normalize(memory.content) == FactSignature.normalize(candidate.content) {
                    exactMerges += 1
                } else {
                    rewordedMerges.append((candidate.content, memory.content))
                }
            }
            if result.superseded > 0, let old = memory.supersedes {
                supersessions.append((candidate.content, try recall.memory(id: old).content))
            }
        }
    }

    /// Counts gold facts of one speaker that share a gist once the speaker is called "the user".
    mutating func auditGold(_ facts: [String], speaker: String) {
        let rewritten = facts.map { $0.replacingOccurrences(of: speaker, with: "The user") }
        var byGist: [String: String] = [:]
        for (index, fact) in rewritten.enumerated() {
            let gist = FactSignature(fact).gist
            guard gist.split(separator: " ").count >= 3 else { continue }
            if let earlier = byGist[gist] {
                goldPairs += 1
                goldMerged.append((facts[index], earlier))
            } else {
                byGist[gist] = facts[index]
            }
        }
    }

    /// The summary lines.
    func report(examples: Int) -> [String] {
        var lines = [
            "\ndeduplication (each speaker's memories stored one by one in their own namespace):",
            "  \(stored) extracted, \(added) stored, \(exactMerges) exact merges, \(rewordedMerges.count) reworded merges, \(supersessions.count) supersessions",
            "  gold facts the gist rule would merge (distinct statements: likely false merges): \(goldPairs)",
        ]
        if examples > 0 {
            lines.append("\nreworded merges (new → kept):")
            lines += rewordedMerges.prefix(examples).map { "  - \($0.0)  →  \($0.1)" }
            lines.append("\nsupersessions (new → replaced):")
            lines += supersessions.prefix(examples).map { "  - \($0.0)  →  \($0.1)" }
            lines.append("\ngold facts merged by gist:")
            lines += goldMerged.prefix(examples).map { "  - \($0.0)  =  \($0.1)" }
        }
        return lines
    }
}
