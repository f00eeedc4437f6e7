/// Where an extracted candidate came from.
public enum CandidateOrigin: String, Sendable, Codable, CaseIterable {
    /// The rule-based extractor.
    case rules
    /// A model's proposal that passed the checks.
    case model
}
