/// Finds durable facts about the user in messages.
///
/// Pure: no clock, no store, no network.
public protocol FactExtractor: Sendable {
    /// Every candidate one message yields, in the order they appear, each judged: kept when it is
    /// a durable fact about the user, dropped (with the reason) when it is a request, a
    /// description of code or the task of the moment.
    func candidates(from input: ExtractionInput) -> [MemoryCandidate]
}

extension FactExtractor {
    /// The candidates worth keeping, in the order they appear.
    public func extract(from input: ExtractionInput) -> [MemoryCandidate] {
        candidates(from: input).filter { $0.verdict == .keep }
    }
}
