/// Whether an extracted candidate is worth keeping as a memory.
public enum CandidateVerdict: String, Sendable, Codable, CaseIterable {
    /// A durable fact about the user: stored (or, on a dry run, would be).
    case keep
    /// Not a memory (a request to the assistant, a description of code, the task of the moment):
    /// never stored, shown on a dry run with the reason.
    case drop
}
