/// A problem found while importing that did not stop the import: what, where, and what to do.
public struct ImportDiagnostic: Sendable, Codable, Equatable {
    /// How bad it is: a warning keeps the item, an error skips it.
    public enum Severity: String, Sendable, Codable { case warning, error }

    /// How bad it is.
    public var severity: Severity
    /// The file (or ZIP member) the problem is in.
    public var file: String
    /// The conversation (platform id, or `#index` when it has none) the problem is in.
    public var conversation: String?
    /// Byte offset in the file, when known.
    public var offset: Int?
    /// What was wrong and what was expected.
    public var message: String

    /// Creates a diagnostic.
    public init(severity: Severity, file: String, conversation: String? = nil, offset: Int? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.conversation = conversation
        self.offset = offset
        self.message = message
    }
}
