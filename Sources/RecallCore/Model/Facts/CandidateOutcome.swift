/// What storing an extracted candidate did (or, on a dry run, would do).
public enum CandidateOutcome: String, Sendable, Codable, CaseIterable {
    /// A new memory.
    case new
    /// The same fact as an existing memory, which gains this evidence.
    case duplicate
    /// Already stored from this very message.
    case known
    /// Contradicts a current memory and replaces it; both stay, linked.
    case supersedes
    /// Contradicts a current memory that was said later: kept as an older version of it.
    case older
}
