/// A file or image a message referred to.
///
/// Binaries are never copied: Recall keeps the reference.
public struct Attachment: Sendable, Codable, Equatable, Hashable {
    /// What the attachment is.
    public enum Kind: String, Sendable, Codable, Hashable { case image, file, audio }

    /// What the attachment is.
    public var kind: Kind
    /// The file name as the export gives it.
    public var name: String?
    /// The export's pointer to the binary (`file-service://…`, `sediment://…`, a ZIP member, a URL).
    public var pointer: String?
    /// Size in bytes, when known.
    public var size: Int?
    /// MIME type, when known.
    public var mimeType: String?
    /// Alt text, caption or generation prompt, when the export carries one.
    public var description: String?
    /// Text the platform extracted from the file; it is searchable.
    public var extractedText: String?

    /// Creates an attachment reference.
    public init(
        kind: Kind, name: String? = nil, pointer: String? = nil, size: Int? = nil,
        mimeType: String? = nil, description: String? = nil, extractedText: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.pointer = pointer
        self.size = size
        self.mimeType = mimeType
        self.description = description
        self.extractedText = extractedText
    }
}
