import Foundation

/// Reads one file (or ZIP member) that must be parsed whole: collects its bytes up to
/// `ImportLimits.maxDocumentSize`, picks the `DocumentParser` whose format it is, and reports the
/// conversations to its sink.
///
/// It starts either with a parser already chosen (a JSON element was claimed, see
/// `ExportMemberReader`) or with candidates for a text file, which are asked once the first
/// bytes are in; a binary file is refused at once rather than read to the end.
struct DocumentMemberReader {
    /// Bytes of a text file shown to the candidates to decide; most formats say who they are early.
    static let headSize = 64 << 10

    /// How diagnostics and the caller name this member.
    let name: String
    /// The member's size, for progress, when known.
    let totalBytes: Int?
    private let limits: ImportLimits
    private let sink: any ExportSink
    private var bytes: Data
    /// The parsers that want the member, in detection order; the first that reads it wins.
    private var accepted: [any DocumentParser] = []
    private let candidates: [any DocumentParser]
    /// Why the text route was taken, to open the reason when no candidate wants the file.
    private let notJSON: String
    private var rejection: String?

    /// A reader for a member a document parser has claimed, starting with the bytes read so far.
    init(
        name: String, totalBytes: Int?, parser: any DocumentParser, bytes: Data, limits: ImportLimits,
        sink: any ExportSink
    ) {
        self.name = name
        self.totalBytes = totalBytes
        self.limits = limits
        self.sink = sink
        self.bytes = bytes
        accepted = [parser]
        candidates = [parser]
        notJSON = ""
    }

    /// A reader for a text member; `notJSON` says why it is not JSON ("expected `[` … found `#`").
    init(
        name: String, totalBytes: Int?, candidates: [any DocumentParser], notJSON: String, limits: ImportLimits,
        sink: any ExportSink
    ) {
        self.name = name
        self.totalBytes = totalBytes
        self.limits = limits
        self.sink = sink
        bytes = Data()
        self.candidates = candidates
        self.notJSON = notJSON
    }

    /// Adds one chunk.
    ///
    /// Throws `ExportMemberNotRecognized` once the first bytes rule the member out,
    /// and `ExportReadInterruption` when it grows past the limit.
    mutating func consume(_ chunk: Data) throws {
        let limit = limits.maxDocumentSize
        guard bytes.count + chunk.count <= limit else {
            let what = accepted.first.map { "a \($0.formatName)" } ?? "a text file"
            throw ExportReadInterruption(
                "it is \(what) over the \(limit.byteDescription) limit for a file read whole; split it or raise the limit",
                isSizeLimit: true)
        }
        bytes.append(chunk)
        if accepted.isEmpty, rejection == nil, bytes.count >= Self.headSize {
            decideFromHead()
            if rejection != nil { throw ExportMemberNotRecognized() }
        }
    }

    /// Parses what was collected and reports it; throws only when the caller's `emit` fails.
    mutating func finish(interruption: ExportReadInterruption?) throws -> ExportMemberReader.Outcome {
        if let interruption { return .notRecognized(interruption.reason) }
        if accepted.isEmpty, rejection == nil { decideFromHead() }
        guard !accepted.isEmpty else { return .notRecognized(rejection ?? notJSON) }
        var document = bytes
        bytes = Data()
        var repairedAt: Int?
        if let converted = Self.utf16AsUTF8(document) {
            document = converted
        } else if let bad = UTF8Repair.firstInvalidOffset(in: document) {
            repairedAt = bad
            document = UTF8Repair.repaired(document)
        }
        var parsed: (any DocumentParser, DocumentParse)?
        var reasons: [String] = []
        for candidate in accepted {
            do {
                parsed = (candidate, try candidate.parse(document: document, file: name))
                break
            } catch let error as ExportParseError {
                reasons.append(error.message)
            } catch {
                reasons.append("\(error)")
            }
        }
        guard let (parser, result) = parsed else {
            let prefix = notJSON.isEmpty ? "" : "\(notJSON), and "
            return .notRecognized(prefix + reasons.joined(separator: "; "))
        }
        sink.report(.recognized(file: name, platform: parser.platform))
        if let repairedAt {
            sink.report(
                .diagnostic(
                    ImportDiagnostic(
                        severity: .warning, file: name, offset: repairedAt,
                        message:
                            "invalid UTF-8 at byte \(repairedAt); the bad bytes were replaced with U+FFFD (\u{FFFD})")))
        }
        for diagnostic in result.diagnostics { sink.report(.diagnostic(diagnostic)) }
        for _ in 0..<result.skipped { sink.report(.skipped) }
        for conversation in result.conversations {
            try sink.emit(conversation, file: name)
            sink.progress(file: name, bytesRead: document.count, totalBytes: totalBytes)
        }
        if result.conversations.isEmpty {
            sink.progress(file: name, bytesRead: document.count, totalBytes: totalBytes)
        }
        return .read(parser.platform)
    }

    /// Refuses binary files, then asks each candidate about the beginning of the text.
    private mutating func decideFromHead() {
        let head = bytes.prefix(Self.headSize)
        let isUTF16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        if !isUTF16, head.contains(0) {
            rejection = "\(notJSON), and it is a binary file, not text"
            return
        }
        let text =
            isUTF16
            ? (Self.utf16AsUTF8(Data(head)).map { String(decoding: $0, as: UTF8.self) } ?? "")
            : String(decoding: head, as: UTF8.self)
        accepted = candidates.filter { $0.recognizes(.text(head: text)) }
        if accepted.isEmpty {
            let nearMiss = candidates.lazy.compactMap { $0.nearMiss(.text(head: text)) }.first
            rejection = "\(notJSON), and \(nearMiss ?? "not a text format Recall reads")"
        }
    }

    /// The document re-encoded as UTF-8 when it starts with a UTF-16 byte-order mark (Windows
    /// tools save text that way); nil for anything else.
    private static func utf16AsUTF8(_ data: Data) -> Data? {
        guard data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) else { return nil }
        let even = data.prefix(data.count - data.count % 2)
        return String(data: even, encoding: .utf16).map { Data($0.utf8) }
    }
}
