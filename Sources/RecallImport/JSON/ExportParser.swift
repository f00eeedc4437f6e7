import Foundation

/// Turns one conversation of one platform's export into a `ParsedConversation`.
///
/// Parsers are pure: JSON bytes in, values out. No clock, no store, no file access; the
/// reader hands them one element of the export's conversation list at a time.
protocol ExportParser: Sendable {
    /// The platform this parser reads.
    var platform: Platform { get }
    /// Whether this parser takes the conversations of a file the user forced its platform on
    /// when no format recognises them; exactly one parser of a platform does.
    var readsForcedFiles: Bool { get }
    /// Whether a sample conversation has this platform's shape (used to detect the format).
    func recognizes(_ sample: Data) -> Bool
    /// Parses one conversation; throws `ExportParseError` when it cannot be read at all.
    /// Problems inside it that lose only part of it come back as warnings.
    func parse(element: Data, file: String) throws -> (ParsedConversation, [ImportDiagnostic])
}

extension ExportParser {
    /// A platform's conversations parser takes forced files; a parser of something else the
    /// platform exports (Claude's projects) says no.
    var readsForcedFiles: Bool { true }

    /// The text without surrounding whitespace, or nil when nothing is left.
    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

/// Why a conversation could not be read; the reader turns it into an error diagnostic.
struct ExportParseError: Error, Equatable {
    /// What was wrong and what was expected, without the file name (the reader adds it).
    var message: String
    /// The conversation's own id, when it could be read.
    var conversation: String?

    /// Creates a parse error.
    init(_ message: String, conversation: String? = nil) {
        self.message = message
        self.conversation = conversation
    }
}

/// The formats read one conversation (JSON element) at a time, from `ExportFormatTable`.
enum ExportParsers {
    /// Every element format; their signatures are disjoint, so the order decides nothing.
    static var all: [any ExportParser] { ExportFormatTable.elementParsers }
}

extension JSONDecoder {
    /// Decodes one conversation, turning decoding failures into an `ExportParseError`.
    func decodeConversation<T: Decodable>(_ type: T.Type, from data: Data, platform: Platform) throws -> T {
        do {
            return try decode(type, from: data)
        } catch let error as DecodingError {
            throw ExportParseError("not a readable \(platform.displayName) conversation: \(error.summary)")
        }
    }
}
