import Foundation

/// Turns a whole export file into conversations: the path for formats that are not "a JSON list
/// of conversations, one per element".
///
/// Some exports must be seen whole: Gemini's My Activity lists prompts that only become
/// conversations once grouped, `MyActivity.html` and Markdown transcripts are not JSON, and an
/// AI Studio prompt is one object. Like `ExportParser`, a document parser is pure: bytes in,
/// values and diagnostics out. The reader holds the file in memory for it, up to
/// `ImportLimits.maxDocumentSize`, so the formats that can grow to gigabytes stay on the
/// element-streaming path.
protocol DocumentParser: Sendable {
    /// The platform the conversations are stored under.
    var platform: Platform { get }
    /// What the format is, for "expected …" messages (`Gemini My Activity file`).
    var formatName: String { get }
    /// Whether files of this format are JSON or text; decides which samples it is shown.
    var input: DocumentInput { get }
    /// Whether a sample of the file has this format's shape; decides whether the file is read whole.
    func recognizes(_ sample: DocumentSample) -> Bool
    /// Parses the whole file. Throws `ExportParseError` when it is not this format after all;
    /// problems that cost only part of it come back in the result.
    func parse(document: Data, file: String) throws -> DocumentParse
    /// This format as an import a model asked for reads it: wanting evidence, before it takes a
    /// file for a chat, that its shape alone does not give. Most formats are their own evidence.
    func requiringEvidence() -> any DocumentParser
    /// Why a sample this format does not recognise comes close, when it does (phrased to follow
    /// "it is not JSON, and "); nil when it is simply not this format.
    func nearMiss(_ sample: DocumentSample) -> String?
}

extension DocumentParser {
    /// No near miss: the sample is simply not this format.
    func nearMiss(_ sample: DocumentSample) -> String? { nil }
    /// The format itself: its shape is its evidence.
    func requiringEvidence() -> any DocumentParser { self }
}

/// What a document format is written in.
enum DocumentInput: Sendable {
    /// A JSON document, detected from its first element.
    case json
    /// HTML, Markdown or plain text, detected from its beginning.
    case text
}

/// What a document parser is shown to decide whether a file is its format.
enum DocumentSample {
    /// The first element of a JSON document's top-level list (or its one object).
    case jsonElement(Data)
    /// The beginning of a text document (HTML, Markdown, plain text), decoded as UTF-8.
    case text(head: String)
}

/// What a document parser read from one file.
struct DocumentParse: Sendable, Equatable {
    /// The conversations, in the order they should be stored.
    var conversations: [ParsedConversation]
    /// Problems that did not stop the parse, naming the file the parser was given.
    var diagnostics: [ImportDiagnostic]
    /// Conversations that could not be read at all; each has an error diagnostic.
    var skipped: Int

    /// Creates a result.
    init(conversations: [ParsedConversation], diagnostics: [ImportDiagnostic] = [], skipped: Int = 0) {
        self.conversations = conversations
        self.diagnostics = diagnostics
        self.skipped = skipped
    }
}

/// The formats read whole, from `ExportFormatTable`.
enum DocumentParsers {
    /// Every document format; their signatures are disjoint, so the order decides nothing.
    static var all: [any DocumentParser] { ExportFormatTable.documentParsers }
}
