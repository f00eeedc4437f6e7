import Foundation

/// Reads one JSON file (or ZIP member) of an export: splits it into conversations, detects
/// the platform from the first ones, parses each, and reports to its sink.
///
/// Detection looks at content, not names: elements are held back (up to a small window)
/// until one of them is recognised, because an export can open with a damaged conversation.
/// When a `DocumentParser` claims an element instead (a Gemini activity record, an AI Studio
/// prompt), the file must be read whole: the reader kept the raw bytes while it was still
/// detecting, and hands them over (`takeClaim`) to a `DocumentMemberReader`.
struct ExportMemberReader {
    /// What became of the member.
    enum Outcome: Equatable {
        /// Conversations of this platform were read (maybe none, if the list was empty).
        case read(Platform?)
        /// Not an export; the reason says why, in words that follow "file: ".
        case notRecognized(String)
    }

    /// Elements held back while detecting; beyond this the member is not an export.
    static let detectionWindow = (elements: 16, bytes: 32 << 20)

    /// An element ready to parse, with where its invalid UTF-8 was repaired, if it had any.
    private struct Piece {
        var element: JSONArraySplitter.Element
        var invalidUTF8Offset: Int?
        var data: Data { element.data }
    }

    private enum Detection {
        case pending([Piece], bytes: Int)
        case decided(any ExportParser)
        case claimed(any DocumentParser)
    }

    /// How diagnostics and the caller name this member.
    let name: String
    /// The member's size, for progress, when known.
    let totalBytes: Int?
    private let formats: ExportFormats
    private let limits: ImportLimits
    private let fallback: (any ExportParser)?
    private let superseded: Set<Int>
    private let quietWhenEmpty: Bool
    private let sink: any ExportSink
    /// The bytes so far, kept while a document parser may still claim the member.
    private var raw: Data?
    private var splitter: JSONArraySplitter
    private var detection: Detection
    private var syntaxError: JSONArraySplitter.SyntaxError?
    private var bytesRead = 0
    /// Elements passed over because another shard holds a newer copy.
    private var passedOver = 0
    /// Oversized elements met before detection; reported once the member proves to be an export.
    private var heldOversized: [(index: Int, offset: Int, size: Int)] = []

    /// Creates a reader.
    ///
    /// `fallback` takes the elements when the first one is recognised by no
    /// format (a platform the user forced on a file); elements whose index is in `superseded` are
    /// passed over (older copies of a conversation another shard holds); `quietWhenEmpty` keeps
    /// an empty list from being reported.
    init(
        name: String, totalBytes: Int?, formats: ExportFormats, limits: ImportLimits,
        fallback: (any ExportParser)? = nil, superseded: Set<Int> = [], quietWhenEmpty: Bool = false,
        sink: any ExportSink
    ) {
        self.name = name
        self.totalBytes = totalBytes
        self.formats = formats
        self.limits = limits
        self.fallback = fallback
        self.superseded = superseded
        self.quietWhenEmpty = quietWhenEmpty
        self.sink = sink
        splitter = JSONArraySplitter(maxElementSize: limits.maxConversationSize)
        detection = .pending([], bytes: 0)
        raw = formats.documentParsers.contains { $0.input == .json } ? Data() : nil
    }

    /// The document parser that claimed the member, with every byte read so far; the reader is
    /// done after this.
    mutating func takeClaim() -> (parser: any DocumentParser, bytes: Data)? {
        guard case .claimed(let parser) = detection, let bytes = raw else { return nil }
        raw = nil
        return (parser, bytes)
    }

    /// Feeds one chunk.
    ///
    /// Throws `ExportMemberNotRecognized` once it is clear the member is not an export.
    mutating func consume(_ chunk: Data) throws {
        bytesRead += chunk.count
        if raw != nil {
            if case .decided = detection {
                raw = nil
            } else if (raw?.count ?? 0) + chunk.count > limits.maxDocumentSize {
                raw = nil  // a document this large could not be read whole anyway
            } else {
                raw?.append(chunk)
            }
        }
        if case .claimed = detection { return }
        // Take the splitter out while it calls back into `self`; leaving a copy behind would
        // make its element buffer copy-on-write on every chunk.
        var splitter = self.splitter
        self.splitter = JSONArraySplitter(maxElementSize: 0)
        defer { self.splitter = splitter }
        do {
            try splitter.feed(chunk) { event in try handle(event) }
        } catch let error as JSONArraySplitter.SyntaxError {
            syntaxError = error
            throw ExportMemberNotRecognized()
        }
    }

    /// True once `finish` found the member broken (bad JSON, or cut off before its first
    /// element) rather than well-formed JSON of another kind.
    private(set) var isDamaged = false

    /// Ends the member; `interruption` says why bytes stopped early, if they did.
    mutating func finish(interruption: ExportReadInterruption?) -> Outcome {
        let layout = splitter.layout
        let trailing = splitter.trailingContentOffset
        let ending = splitter.finish()
        if syntaxError != nil { isDamaged = true }
        if case .truncated = ending, case .pending(let held, _) = detection, held.isEmpty { isDamaged = true }
        if syntaxError != nil || ending == .empty {
            return .notRecognized(unrecognizedReason(ending: ending, layout: layout, interruption: interruption))
        }
        if ending == .complete, layout != .singleObject, case .pending(let held, _) = detection, held.isEmpty {
            // `[]`: a valid export of someone with no conversations; or a shard whose every
            // conversation has a newer copy elsewhere, which is no news either.
            if passedOver > 0 {
                sink.report(.recognized(file: name, platform: nil))
            } else if !quietWhenEmpty {
                sink.report(.recognized(file: name, platform: nil))
                report(.warning, offset: nil, "the conversation list is empty; nothing to import")
            }
            return .read(nil)
        }
        guard case .decided(let parser) = detection else {
            return .notRecognized(unrecognizedReason(ending: ending, layout: layout, interruption: interruption))
        }
        sink.report(.recognized(file: name, platform: parser.platform))
        switch ending {
        case .complete, .empty:
            if let interruption {
                report(
                    .error, offset: nil, "\(interruption.reason); its conversations were imported but may be damaged")
            }
            if let trailing {
                report(
                    .warning, offset: trailing,
                    "unexpected content after the end of the conversation list at byte \(trailing); it was ignored")
            }
        case .truncated(let offset, let cutIndex, let cutOffset):
            let cause =
                interruption?.reason
                ?? "the file ends at byte \(offset) before its conversation list is closed (the download may be incomplete)"
            if let cutIndex {
                sink.report(.skipped)
                report(
                    .error, conversation: "#\(cutIndex)", offset: cutOffset ?? offset,
                    "conversation #\(cutIndex) was cut off and skipped: \(cause); the conversations before it were imported"
                )
            } else {
                report(
                    interruption == nil ? .warning : .error, offset: offset,
                    "\(cause); every conversation before that point was imported")
            }
        }
        sink.progress(file: name, bytesRead: bytesRead, totalBytes: totalBytes)
        return .read(parser.platform)
    }

    private mutating func handle(_ event: JSONArraySplitter.Event) throws {
        if !superseded.isEmpty {
            let index: Int
            switch event {
            case .element(let element): index = element.index
            case .oversized(let oversized, _, _): index = oversized
            }
            if superseded.contains(index) {
                passedOver += 1
                return
            }
        }
        switch (event, detection) {
        case (_, .claimed):
            return
        case (.element(let element), .decided(let parser)):
            try process(Self.repairingUTF8(element), with: parser)
        case (.element(let element), .pending(let held, let bytes)):
            let piece = Self.repairingUTF8(element)
            if let document = formats.documentParsers.first(where: {
                $0.input == .json && $0.recognizes(.jsonElement(piece.data))
            }) {
                detection = .claimed(document)
                guard raw != nil else {
                    let limit = limits.maxDocumentSize.byteDescription
                    throw ExportReadInterruption(
                        "it is a \(document.formatName) over the \(limit) limit for a file read whole; raise the limit",
                        isSizeLimit: true)
                }
                return
            }
            let recognized = formats.elementParsers.first { $0.recognizes(piece.data) }
            guard let parser = recognized ?? (held.isEmpty ? fallback : nil) else {
                let window = Self.detectionWindow
                guard held.count + 1 < window.elements, bytes + piece.data.count < window.bytes else {
                    throw ExportMemberNotRecognized()
                }
                detection = .pending(held + [piece], bytes: bytes + piece.data.count)
                return
            }
            detection = .decided(parser)
            sink.report(.recognized(file: name, platform: parser.platform))
            for (index, offset, size) in heldOversized { skipOversized(index: index, offset: offset, size: size) }
            heldOversized = []
            for earlier in held { try process(earlier, with: parser) }
            try process(piece, with: parser)
        case (.oversized(let index, let offset, let size), .decided):
            skipOversized(index: index, offset: offset, size: size)
        case (.oversized(let index, let offset, let size), .pending):
            heldOversized.append((index, offset, size))
        }
    }

    private func skipOversized(index: Int, offset: Int, size: Int) {
        sink.report(.skipped)
        let limit = limits.maxConversationSize.byteDescription
        report(
            .error, conversation: "#\(index)", offset: offset,
            "conversation #\(index) is \(size.byteDescription), over the \(limit) limit for one conversation; it was skipped"
        )
        sink.progress(file: name, bytesRead: bytesRead, totalBytes: totalBytes)
    }

    /// Replaces invalid UTF-8 before anything decodes the element: `JSONDecoder` fails on it
    /// only when the bad string is read, so a lenient optional field would silently come back nil.
    private static func repairingUTF8(_ element: JSONArraySplitter.Element) -> Piece {
        guard let bad = UTF8Repair.firstInvalidOffset(in: element.data) else { return Piece(element: element) }
        var repaired = element
        repaired.data = UTF8Repair.repaired(element.data)
        return Piece(element: repaired, invalidUTF8Offset: element.offset + bad)
    }

    private func process(_ piece: Piece, with parser: any ExportParser) throws {
        let element = piece.element
        // Repaired bytes are not the file's: such a conversation is read in full every time,
        // and says so every time.
        let fingerprint =
            piece.invalidUTF8Offset == nil ? ElementFingerprint.of(element.data, platform: parser.platform) : nil
        if let fingerprint, sink.isStored(fingerprint: fingerprint) {
            sink.progress(file: name, bytesRead: bytesRead, totalBytes: totalBytes)
            return
        }
        do {
            var (conversation, diagnostics) = try parser.parse(element: element.data, file: name)
            if diagnostics.isEmpty { conversation.fingerprint = fingerprint }
            if let bad = piece.invalidUTF8Offset {
                report(
                    .warning, conversation: conversation.sourceID, offset: bad,
                    "invalid UTF-8 at byte \(bad); the bad bytes were replaced with U+FFFD (\u{FFFD})")
            }
            for var diagnostic in diagnostics {
                diagnostic.offset = diagnostic.offset ?? element.offset
                sink.report(.diagnostic(diagnostic))
            }
            try sink.emit(conversation, file: name)
        } catch let error as ExportParseError {
            sink.report(.skipped)
            let id = error.conversation ?? ConversationIdentity.probe(element.data) ?? "#\(element.index)"
            report(
                .error, conversation: id, offset: element.offset,
                "conversation #\(element.index) at byte \(element.offset) was skipped: \(error.message)")
        }
        sink.progress(file: name, bytesRead: bytesRead, totalBytes: totalBytes)
    }

    private func unrecognizedReason(
        ending: JSONArraySplitter.Ending, layout: JSONArraySplitter.Layout, interruption: ExportReadInterruption?
    ) -> String {
        if let syntaxError { return "it is not JSON (\(syntaxError.message))" }
        if let interruption { return interruption.reason }
        let expected = formats.elementPlatformNames
        switch (ending, detection) {
        case (.empty, _):
            return "it is empty"
        case (.truncated(let offset, _, _), .pending(let held, _)) where held.isEmpty:
            return "it ends at byte \(offset) before its first conversation is complete"
        case (_, .pending(let held, _)) where !held.isEmpty:
            return layout == .singleObject
                ? "its JSON object is not a \(expected) conversation"
                : "its first \(held.count) element(s) are not \(expected) conversations"
        default:
            return "it holds no \(expected) conversations"
        }
    }

    private func report(
        _ severity: ImportDiagnostic.Severity, conversation: String? = nil, offset: Int?, _ message: String
    ) {
        sink.report(
            .diagnostic(
                ImportDiagnostic(
                    severity: severity, file: name, conversation: conversation, offset: offset, message: message)))
    }
}
