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
    /// Who asked: whether skipped files are named or only counted.
    let policy: ImportPolicy
    /// When the read must stop, if it must.
    let deadline: ImportDeadline?
    /// The file system of the folder being imported; files found in it must be on it too.
    var rootDevice: UInt64?
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
    /// The reasons for refusals over a size limit, without names: Recall's own words about its
    /// limits, safe to repeat when names are not.
    private(set) var sizeReasons: [String] = []
    /// What was passed over, when the policy counts skipped files instead of naming them.
    private(set) var skippedFiles = SkippedFiles()

    /// Creates a session around the caller's callbacks, which must outlive it.
    init(
        limits: ImportLimits, forced: Platform?, formats: ExportFormats, policy: ImportPolicy = .unrestricted,
        deadline: ImportDeadline? = nil, emit: @escaping (ParsedConversation, String) throws -> Void,
        diagnostic: @escaping (ImportDiagnostic) -> Void, progress: @escaping (ImportProgress) -> Void
    ) {
        self.limits = limits
        self.forced = forced
        self.formats = formats
        self.policy = policy
        self.deadline = deadline
        emitSink = emit
        diagnosticSink = diagnostic
        progressSink = progress
    }

    // MARK: Reporting

    /// Hands a conversation to the caller; the caller's errors come back wrapped in `ExportEmitFailure`.
    func emit(_ conversation: ParsedConversation, file: String) throws {
        try checkTime()
        do {
            try emitSink(conversation, file)
        } catch {
            throw ExportEmitFailure(underlying: error)
        }
        emitted += 1
    }

    /// Passes a diagnostic on.
    func report(_ diagnostic: ImportDiagnostic) { diagnosticSink(diagnostic) }

    /// Throws once the import's time is up (see `ImportDeadline`).
    func checkTime() throws { try deadline?.check() }

    /// Tells the caller that a file or folder was not read: by name, or, when the policy counts
    /// skipped files, only as one more of its extension (see `reportSkippedFiles`).
    func passOver(_ name: String, severity: ImportDiagnostic.Severity, message: String, isFolder: Bool = false) {
        guard policy.countsSkippedFiles else {
            report(ImportDiagnostic(severity: severity, file: name, message: message))
            return
        }
        if isFolder { skippedFiles.addFolder() } else { skippedFiles.add(file: name) }
    }

    /// One diagnostic for everything counted by `passOver`, named after the import's path.
    func reportSkippedFiles(under path: String) {
        guard !skippedFiles.isEmpty else { return }
        report(
            ImportDiagnostic(
                severity: .warning, file: path,
                message: "skipped \(skippedFiles.description): not exports, or not readable here"))
    }

    /// Reports progress through the current file; conversations count emitted and skipped ones.
    func progress(file: String, bytesRead: Int, totalBytes: Int?) {
        progressSink(
            ImportProgress(
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
        if sizeLimit, !sizeReasons.contains(reason) { sizeReasons.append(reason) }
    }

    // MARK: Containers

    /// Reads a file on disk: a ZIP archive, a JSON file, or a text document.
    ///
    /// `explicit` means the
    /// user named it, so it is read whatever its name and a failure is fatal; otherwise `role`
    /// (from its name) says what it may be. The file is opened by `RegularFile`, so nothing that
    /// could block (a FIFO, a device, this process's stdin) is ever read.
    func readFile(_ path: String, name: String, explicit: Bool, role: MemberSelection.Role = .conversations) throws {
        try checkTime()
        let file: RegularFile
        do {
            file = try RegularFile.open(path, device: explicit ? nil : rootDevice)
        } catch {
            if explicit { throw RecallError(.unreadableFile, "\(name) cannot be read: \(error.reason).") }
            refuse(name, reason: error.reason)
            return
        }
        if file.size > limits.maxFileSize {
            let reason =
                "it is \(file.size.byteDescription), over the \(limits.maxFileSize.byteDescription) limit for one file"
            if explicit { throw RecallError(.tooLarge, "\(name): \(reason). Split the export or raise the limit.") }
            refuse(name, reason: reason, sizeLimit: true)
            return
        }
        let isArchive = explicit ? FileChunkReader.isZIP(head: file.head(4)) : role == .archive
        if isArchive {
            try ZipArchiveReader(url: URL(fileURLWithPath: file.resolvedPath), name: name, explicit: explicit).read(
                into: self)
            return
        }
        try readMember(name: name, size: file.size, explicit: explicit, role: role) { consume in
            try FileChunkReader.read(file.handle, chunkSize: limits.readChunkSize) { chunk in
                try checkTime()
                try consume(chunk)
            }
        }
    }

    /// Reads one file or member delivered by `stream`, as an export if its content is one.
    ///
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
            passOver(
                name, severity: interruption == nil ? .warning : .error,
                message: interruption == nil
                    ? reader.contentKind.map { "not a chat export (\($0)); skipped" } ?? "not read: \(message)"
                    : "not read: \(message)")
        }
    }

    /// Records that a member was refused and tells the caller why.
    func refuse(_ name: String, reason: String, sizeLimit: Bool = false) {
        noteRejected(name, reason: reason, sizeLimit: sizeLimit)
        passOver(name, severity: .error, message: "not read: \(reason)")
    }
}
