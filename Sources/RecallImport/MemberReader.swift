import Foundation

/// Reads one file or ZIP member, whatever it holds: the first significant byte decides between
/// a JSON list streamed element by element (`ExportMemberReader`) and a file read whole
/// (`DocumentMemberReader`: HTML, Markdown, text).
///
/// A JSON member can still end up read whole
/// when a document parser claims its first element.
struct MemberReader {
    /// How diagnostics and the caller name this member.
    let name: String
    /// The member's size, for progress, when known.
    let totalBytes: Int?
    private let formats: ExportFormats
    private let limits: ImportLimits
    private let fallback: (any ExportParser)?
    private let superseded: Set<Int>
    private let acceptsText: Bool
    private let quietWhenEmpty: Bool
    private let sink: any ExportSink
    /// Leading whitespace, held until a significant byte arrives.
    private var pending = Data()
    // Optionals rather than an enum with payloads: mutating through `?.` changes the reader in
    // place, where an enum payload would be copied (and its buffers with it) on every chunk.
    private var elements: ExportMemberReader?
    private var document: DocumentMemberReader?
    /// The first byte that is not white space, once seen: what kind of file this is.
    private var firstByte: UInt8?

    /// Creates a reader over `formats`.
    ///
    /// `acceptsText` lets a member that is not JSON be tried as
    /// a text document; see `ExportMemberReader` for `fallback`, `superseded` and `quietWhenEmpty`.
    init(
        name: String, totalBytes: Int?, formats: ExportFormats, limits: ImportLimits, fallback: (any ExportParser)?,
        superseded: Set<Int>, acceptsText: Bool, quietWhenEmpty: Bool, sink: any ExportSink
    ) {
        self.name = name
        self.totalBytes = totalBytes
        self.formats = formats
        self.limits = limits
        self.fallback = fallback
        self.superseded = superseded
        self.acceptsText = acceptsText
        self.quietWhenEmpty = quietWhenEmpty
        self.sink = sink
    }

    /// Feeds one chunk; throws `ExportMemberNotRecognized` once the member is ruled out.
    mutating func consume(_ chunk: Data) throws {
        if document != nil {
            try document?.consume(chunk)
        } else if elements != nil {
            try feedElements(chunk)
        } else {
            pending.append(chunk)
            guard let (offset, byte) = Self.firstSignificantByte(pending) else { return }
            firstByte = byte
            let bytes = pending
            pending = Data()
            let textFormats = formats.documentParsers.filter { $0.input == .text }
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || !acceptsText || textFormats.isEmpty {
                startElements()
                try feedElements(bytes)
            } else {
                document = DocumentMemberReader(
                    name: name, totalBytes: totalBytes, candidates: textFormats,
                    // What was expected, never what was found: that would quote the file.
                    notJSON: "it is not JSON (expected `[` or `{` at byte \(offset))", limits: limits, sink: sink)
                try document?.consume(bytes)
            }
        }
    }

    /// Ends the member; throws only when the caller's `emit` fails.
    mutating func finish(interruption: ExportReadInterruption?) throws -> ExportMemberReader.Outcome {
        if document != nil { return try document?.finish(interruption: interruption) ?? .notRecognized("") }
        if elements == nil {
            startElements()
            try? feedElements(pending)  // whitespace only: the splitter calls it empty
        }
        return elements?.finish(interruption: interruption) ?? .notRecognized("")
    }

    /// What the member turned out to hold, in a few words and without quoting it, for the one
    /// line that says a file in a folder or ZIP is not an export.
    ///
    /// Nil when the member is a damaged file rather than something else: its own reason says more.
    var contentKind: String? {
        if elements?.isDamaged == true { return nil }
        return switch firstByte {
        case nil: "an empty file"
        case UInt8(ascii: "["): "a JSON list of something else"
        case UInt8(ascii: "{"): "a JSON object of something else"
        case UInt8(ascii: "<"): "a web page or XML of something else"
        default: "text without the turns of a chat transcript"
        }
    }

    private mutating func startElements() {
        elements = ExportMemberReader(
            name: name, totalBytes: totalBytes, formats: formats, limits: limits, fallback: fallback,
            superseded: superseded, quietWhenEmpty: quietWhenEmpty, sink: sink)
    }

    /// Feeds the element reader, and switches to reading whole when a document parser claimed the member.
    private mutating func feedElements(_ chunk: Data) throws {
        try elements?.consume(chunk)
        guard let claim = elements?.takeClaim() else { return }
        elements = nil
        document = DocumentMemberReader(
            name: name, totalBytes: totalBytes, parser: claim.parser, bytes: claim.bytes, limits: limits, sink: sink)
    }

    /// The offset and value of the first byte that is not whitespace or a UTF-8 byte-order mark.
    private static func firstSignificantByte(_ data: Data) -> (Int, UInt8)? {
        if data.count < 3, [0xEF, 0xBB, 0xBF].starts(with: data) { return nil }  // a mark cut by the chunk
        var offset = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while offset < data.count {
            let byte = data[data.startIndex + offset]
            if ![0x20, 0x09, 0x0A, 0x0D].contains(byte) { return (offset, byte) }
            offset += 1
        }
        return nil
    }
}
