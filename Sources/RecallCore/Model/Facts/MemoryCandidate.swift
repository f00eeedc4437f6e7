public import Foundation

/// A fact the extractor proposes, before it is stored.
public struct MemoryCandidate: Sendable, Codable, Equatable {
    /// The fact as a third-person sentence.
    public var content: String
    /// Its type.
    public var type: MemoryType
    /// How explicit the statement was, 0–1.
    public var confidence: Double
    /// When it was true or said.
    public var memoriesAt: Date?
    /// The chat and message it came from.
    public var source: MemorySource?
    /// Which extractor proposed it.
    public var origin: CandidateOrigin?
    /// Whether it is worth keeping; only kept candidates are stored.
    public var verdict: CandidateVerdict
    /// Why: what kind of durable fact it is ("durable: profession"), or why it is not a memory
    /// ("request to the assistant", "describes code").
    public var reason: String?
    /// What storing it did, or on a dry run would do.
    public var outcome: CandidateOutcome?
    /// The existing memory it duplicates, supersedes or is older than.
    public var existingMemoryID: String?
    /// The bucket it goes into: that of the chat it came from.
    public var bucket: String?

    /// Creates a candidate.
    public init(
        content: String, type: MemoryType, confidence: Double, memoriesAt: Date? = nil, source: MemorySource? = nil,
        verdict: CandidateVerdict = .keep, reason: String? = nil
    ) {
        self.content = content
        self.type = type
        self.confidence = confidence
        self.memoriesAt = memoriesAt
        self.source = source
        self.verdict = verdict
        self.reason = reason
    }
}
