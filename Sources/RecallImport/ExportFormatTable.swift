import Foundation

/// Every format Recall reads, in one table: the platform it is stored under, how it is read,
/// and (through its parser's `recognizes`) the content signature that claims a sample.
///
/// Signatures are disjoint: each one names what its own format has, never what another format
/// lacks, so no parser needs to know about the others. `ExportFormatTableTests` checks that every
/// bundled export fixture is claimed by exactly one entry, which makes the order of the table
/// decide nothing. To add a format, add its parser here.
enum ExportFormatTable {
    /// One format and how its files are read.
    enum Entry: Sendable {
        /// A JSON list of conversations, read one element at a time.
        case elements(any ExportParser)
        /// A file read whole (JSON or text).
        case document(any DocumentParser)

        /// The platform its conversations are stored under.
        var platform: Platform {
            switch self {
            case .elements(let parser): parser.platform
            case .document(let parser): parser.platform
            }
        }

        /// Whether this format's signature claims a JSON element (the first of a list, or a
        /// file's one object); text formats never claim JSON.
        func claims(element: Data) -> Bool {
            switch self {
            case .elements(let parser): parser.recognizes(element)
            case .document(let parser): parser.input == .json && parser.recognizes(.jsonElement(element))
            }
        }

        /// Whether this format's signature claims the beginning of a text file.
        func claims(text head: String) -> Bool {
            guard case .document(let parser) = self, parser.input == .text else { return false }
            return parser.recognizes(.text(head: head))
        }
    }

    /// The table.
    static let entries: [Entry] = [
        .elements(ChatGPTParser()),
        .elements(ClaudeParser()),
        .elements(ClaudeProjectsParser()),
        .elements(DeepSeekParser()),
        .elements(GrokParser()),
        .elements(KimiParser()),
        .document(GeminiTakeoutParser()),
        .document(AIStudioParser()),
        .document(GeminiActivityHTMLParser()),
        .document(TranscriptParser()),
    ]

    /// The formats read one element at a time.
    static var elementParsers: [any ExportParser] {
        entries.compactMap { if case .elements(let parser) = $0 { parser } else { nil } }
    }

    /// The formats read whole.
    static var documentParsers: [any DocumentParser] {
        entries.compactMap { if case .document(let parser) = $0 { parser } else { nil } }
    }
}
