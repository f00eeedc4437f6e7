public import Foundation

/// One message handed to an extractor.
public struct ExtractionInput: Sendable, Equatable {
    /// What was said.
    public var text: String
    /// Who said it; facts come from the user's own words.
    public var role: MessageRole
    /// When it was said, to date experiences.
    public var date: Date?
    /// Where it was said, carried onto every candidate.
    public var source: MemorySource?
    /// The bucket of the chat it was said in; its memories go there.
    public var bucket: String?

    /// Creates an input.
    public init(text: String, role: MessageRole, date: Date? = nil, source: MemorySource? = nil, bucket: String? = nil)
    {
        self.text = text
        self.role = role
        self.date = date
        self.source = source
        self.bucket = bucket
    }
}

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
