import Foundation

/// The state of one `ExportReader.read`: the caller's callbacks, the running summary, and the
/// container stage that feeds files and ZIP members to `MemberReader`.
///
/// It lives only for the duration of one read, on one thread.
final class ExportReadSession {
    /// The ceilings of this read.
    let limits: ImportLimits
    /// The platform the caller forced, if any.
    let forced: Platform?
    /// The formats detection chooses from: all of them, or the forced platform's.
    let formats: ExportFormats
    private let emitSink: (ParsedConversation, String) throws -> Void
    private let diagnosticSink: (ImportDiagnostic) -> Void
    private let progressSink: (ImportProgress) -> Void

    private(set) var summary = ExportReadSummary()
    /// Bytes ZIP members have expanded to so far, against `limits.maxTotalUncompressed`.
    var uncompressedTotal = 0
    private var emitted = 0
    /// Why files the user might have meant were not read, for the error when nothing was.
    private(set) var rejections: [String] = []
    /// Whether anything was refused for size, so an import with nothing read is `tooLarge`.
    private(set) var refusedForSize = false

    /// Creates a session around the caller's callbacks, which must outlive it.
    init(
        limits: ImportLimits, forced: Platform?, formats: ExportFormats,
        emit: @escaping (ParsedConversation, String) throws -> Void,
        diagnostic: @escaping (ImportDiagnostic) -> Void, progress: @escaping (ImportProgress) -> Void
    ) {
        self.limits = limits
        self.forced = forced
        self.formats = formats
        emitSink = emit
        diagnosticSink = diagnostic
        progressSink = progress
    }

    // MARK: Reporting

    /// Hands a conversation to the caller; the caller's errors come back wrapped in `ExportEmitFailure`.
    func emit(_ conversation: ParsedConversation, file: String) throws {
        do {
            try emitSink(conversation, file)
        } catch {
            throw ExportEmitFailure(underlying: error)
        }
        emitted += 1
    }

    /// Passes a diagnostic on.
    func report(_ diagnostic: ImportDiagnostic) { diagnosticSink(diagnostic) }

    /// Reports progress through the current file; conversations count emitted and skipped ones.
    func progress(file: String, bytesRead: Int, totalBytes: Int?) {
        progressSink(ImportProgress(
            conversations: emitted + summary.skipped, bytesRead: bytesRead, totalBytes: totalBytes, file: file))
    }

    /// A conversation was skipped whole.
    func noteSkipped() { summary.skipped += 1 }

    /// A file turned out to be an export (of `platform`, or an empty list).
    func noteRecognized(_ file: String, platform: Platform?) {
        if !summary.files.contains(file) { summary.files.append(file) }
        if let platform { summary.platforms.insert(platform) }
    }

    /// A file or member was not read; `reason` follows "name: ".
    func noteRejected(_ name: String, reason: String, sizeLimit: Bool = false) {
        rejections.append("\(name): \(reason)")
        refusedForSize = refusedForSize || sizeLimit
    }

    // MARK: Containers

    /// Reads a file on disk: a ZIP archive, a JSON file, or a text document. `explicit` means the
    /// user named it, so it is read whatever its name and a failure is fatal; otherwise `role`
    /// (from its name) says what it may be.
    func readFile(_ url: URL, name: String, explicit: Bool, role: MemberSelection.Role = .conversations) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        if let size, size > limits.maxFileSize {
            let reason = "it is \(size.byteDescription), over the \(limits.maxFileSize.byteDescription) limit for one file"
            if explicit { throw RecallError(.tooLarge, "\(name): \(reason). Split the export or raise the limit.") }
            refuse(name, reason: reason, sizeLimit: true)
            return
        }
        let isArchive = explicit ? FileChunkReader.looksLikeZIP(url) : role == .archive
        if isArchive {
            try ZipArchiveReader(url: url, name: name, explicit: explicit).read(into: self)
            return
        }
        let handle: FileHandle
        do {
            handle = try FileChunkReader.open(url, name: name)
        } catch let error as RecallError where !explicit {
            refuse(name, reason: error.message)
            return
        }
        try readMember(name: name, size: size, explicit: explicit, role: role) { consume in
            try FileChunkReader.read(handle, chunkSize: limits.readChunkSize, consume)
        }
    }

    /// Reads one file or member delivered by `stream`, as an export if its content is one.
    /// `superseded` lists elements to pass over (see `ChatGPTShardSet`).
    func readMember(
        name: String, size: Int?, explicit: Bool, role: MemberSelection.Role = .conversations,
        superseded: Set<Int> = [], stream: (_ consume: (Data) throws -> Void) throws -> Void
    ) throws {
        // A platform forced on a file the user named takes its conversations even when they do
        // not look like that platform's: its parser then says what is wrong with each.
        let fallback = explicit && forced != nil ? formats.elementParsers.first : nil
        let quietWhenEmpty = !explicit && (role == .optional || role == .probe)
        var reader = MemberReader(
            name: name, totalBytes: size, formats: formats, fallback: fallback, superseded: superseded,
            acceptsText: explicit || MemberSelection.acceptsText(role), quietWhenEmpty: quietWhenEmpty, session: self)
        var interruption: ExportReadInterruption?
        do {
            try stream { chunk in try reader.consume(chunk) }
        } catch is ExportMemberNotRecognized {
            // The reader has seen enough; `finish` says why.
        } catch let error as ExportReadInterruption {
            interruption = error
        }
        let outcome = try reader.finish(interruption: interruption)
        guard case .notRecognized(let reason) = outcome else { return }
        if !explicit, role == .probe, interruption == nil { return }
        var message = reason
        if explicit, let hint = MemberSelection.companionHint(for: name) { message += " (\(hint))" }
        noteRejected(name, reason: message, sizeLimit: interruption?.isSizeLimit ?? false)
        // A file that merely sits beside the export gets one short line; the full reason (and
        // what was expected) goes into the error when nothing at all could be read.
        if !explicit {
            report(ImportDiagnostic(
                severity: interruption == nil ? .warning : .error, file: name,
                message: interruption == nil ? reader.contentKind.map { "not a chat export (\($0)); skipped" } ?? "not read: \(message)" : "not read: \(message)"))
        }
    }

    /// Records that a member was refused and tells the caller why.
    func refuse(_ name: String, reason: String, sizeLimit: Bool = false) {
        noteRejected(name, reason: reason, sizeLimit: sizeLimit)
        report(ImportDiagnostic(severity: .error, file: name, message: "not read: \(reason)"))
    }
}
