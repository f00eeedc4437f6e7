/// How far an import has come, for progress bars and `notifications/progress`.
public struct ImportProgress: Sendable, Equatable {
    /// Conversations processed so far.
    public var conversations: Int
    /// Bytes read so far.
    public var bytesRead: Int
    /// Total bytes, when known.
    public var totalBytes: Int?
    /// The file being read.
    public var file: String

    /// Creates a progress report.
    public init(conversations: Int, bytesRead: Int, totalBytes: Int?, file: String) {
        self.conversations = conversations
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.file = file
    }
}
