/// Why `ExportReader` could read nothing at all: the path is missing, unreadable or not
/// allowed, or nothing in it is an export.
///
/// RecallCore turns it into a `RecallError` with the code of the same name; the message is
/// already complete (what happened, where, what to do).
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in the categories a caller acts on.
    public enum Kind: Sendable, Equatable {
        /// The path could not be opened or read, or is not a file or folder.
        case unreadableFile
        /// Something was read, but nothing in it is an export Recall knows.
        case unrecognizedFormat
        /// The only candidates were over a size limit.
        case tooLarge
        /// The path lies outside the folders the policy allows.
        case outsideAllowedFolders
    }

    /// The category.
    public var kind: Kind
    /// One line: what happened, where, and what to do.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
