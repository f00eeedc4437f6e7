/// Imports an export from a local path.
public struct ImportRequest: Sendable, Equatable {
    /// A ZIP, JSON, HTML, TXT/MD file, or a folder.
    public var path: String
    /// Force a platform instead of detecting it.
    public var platform: Platform?
    /// Put every imported chat in this bucket.
    public var bucket: String?
    /// Extract memories from the imported messages.
    public var extract: Bool
    /// What the import may read: anywhere for a person at a terminal, less for a model.
    public var policy: ImportPolicy

    /// Creates an import request.
    public init(
        path: String, platform: Platform? = nil, bucket: String? = nil, extract: Bool = false,
        policy: ImportPolicy = .unrestricted
    ) {
        self.path = path
        self.platform = platform
        self.bucket = bucket
        self.extract = extract
        self.policy = policy
    }
}
