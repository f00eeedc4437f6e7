/// Every format a read may detect, on both reading paths: `ExportParser`s see one JSON element
/// at a time, `DocumentParser`s a whole file.
///
/// A forced platform narrows the set to that platform's formats (Claude has conversations and
/// projects; Gemini has My Activity JSON and HTML, and AI Studio prompts).
struct ExportFormats: Sendable {
    /// Formats read one conversation (JSON element) at a time, in detection order.
    var elementParsers: [any ExportParser]
    /// Formats read whole, in detection order.
    var documentParsers: [any DocumentParser]

    /// Everything Recall reads.
    static var all: ExportFormats {
        ExportFormats(elementParsers: ExportParsers.all, documentParsers: DocumentParsers.all)
    }

    /// Everything Recall reads; with `transcriptEvidence`, a text file is a transcript only when
    /// it reads as one from its first lines on (see `TranscriptEvidence`).
    static func all(transcriptEvidence: Bool) -> ExportFormats {
        var formats = all
        if transcriptEvidence {
            formats.documentParsers = formats.documentParsers.map { $0.requiringEvidence() }
        }
        return formats
    }

    /// The formats of one platform.
    func restricted(to platform: Platform) -> ExportFormats {
        ExportFormats(
            elementParsers: elementParsers.filter { $0.platform == platform },
            documentParsers: documentParsers.filter { $0.platform == platform })
    }

    /// True when no format is left (a platform Recall cannot read yet).
    var isEmpty: Bool { elementParsers.isEmpty && documentParsers.isEmpty }

    /// The platforms with at least one format, for "supported: …".
    var supportedNames: String {
        let platforms = elementParsers.map(\.platform) + documentParsers.map(\.platform)
        var seen = Set<Platform>()
        return platforms.filter { seen.insert($0).inserted }.map(\.displayName).sorted().joined(separator: ", ")
    }

    /// The platforms whose element formats could claim a JSON list, for "are not … conversations".
    var elementPlatformNames: String {
        var seen = Set<Platform>()
        let names = elementParsers.map(\.platform).filter { seen.insert($0).inserted }.map(\.displayName).sorted()
        return names.isEmpty ? "known" : names.joined(separator: " or ")
    }

    /// What a file must be, phrased to follow "Expected a ": the element formats' conversation
    /// list first, then each document format.
    var expectedExport: String {
        var items: [String] = []
        if !elementParsers.isEmpty {
            items.append("\(elementPlatformNames) conversations.json (a JSON array of conversations)")
        }
        items += documentParsers.map(\.formatName)
        return items.enumerated().map { $0.offset == 0 ? $0.element : "a " + $0.element }.joined(separator: ", ")
    }
}
