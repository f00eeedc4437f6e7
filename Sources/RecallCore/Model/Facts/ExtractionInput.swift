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
