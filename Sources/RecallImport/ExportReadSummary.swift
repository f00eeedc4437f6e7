/// What one `ExportReader.read` found: the platforms, the files that held conversations,
/// and how many conversations were skipped.
public struct ExportReadSummary: Sendable, Equatable {
    /// Every platform detected (or forced) across the files read.
    public var platforms: Set<Platform>
    /// The files (or `archive.zip/member` names) that were read as exports, in order.
    public var files: [String]
    /// Conversations skipped whole because they could not be read; each has an error diagnostic.
    public var skipped: Int

    /// Creates a summary.
    public init(platforms: Set<Platform> = [], files: [String] = [], skipped: Int = 0) {
        self.platforms = platforms
        self.files = files
        self.skipped = skipped
    }
}
