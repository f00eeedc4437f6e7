import Foundation

/// The record of one `ExportReader.read`: it passes conversations, diagnostics and progress
/// on to the caller, and keeps the summary and the reasons files were not read.
///
/// The member readers see it only as an `ExportSink`; the container stage also records what
/// it passed over. It lives for one read, on one thread.
final class ExportReadLog: ExportSink {
    /// Who asked: whether skipped files are named or only counted.
    let policy: ImportPolicy
    /// When emitting must stop, if it must.
    private let deadline: ImportDeadline?
    private let emitSink: (ParsedConversation, String) throws -> Void
    private let storedSink: (String) -> Bool
    private let diagnosticSink: (ImportDiagnostic) -> Void
    private let progressSink: (ImportProgress) -> Void

    /// The platforms, files and skipped conversations so far.
    private(set) var summary = ExportReadSummary()
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

    /// Creates a log around the caller's callbacks, which must outlive it.
    init(
        policy: ImportPolicy = .unrestricted, deadline: ImportDeadline? = nil,
        isStored: @escaping (String) -> Bool = { _ in false },
        emit: @escaping (ParsedConversation, String) throws -> Void,
        diagnostic: @escaping (ImportDiagnostic) -> Void, progress: @escaping (ImportProgress) -> Void
    ) {
        self.policy = policy
        self.deadline = deadline
        storedSink = isStored
        emitSink = emit
        diagnosticSink = diagnostic
        progressSink = progress
    }

    // MARK: ExportSink

    /// Hands a conversation to the caller; the caller's errors come back wrapped in `ExportEmitFailure`.
    func emit(_ conversation: ParsedConversation, file: String) throws {
        try deadline?.check()
        do {
            try emitSink(conversation, file)
        } catch {
            throw ExportEmitFailure(underlying: error)
        }
        emitted += 1
    }

    /// Asks the caller; a conversation it already stores counts as read, like one emitted.
    func isStored(fingerprint: String) -> Bool {
        guard storedSink(fingerprint) else { return false }
        emitted += 1
        return true
    }

    /// Passes a diagnostic on, or counts a skipped conversation or a recognised file.
    func report(_ event: ExportReadEvent) {
        switch event {
        case .diagnostic(let diagnostic):
            diagnosticSink(diagnostic)
        case .skipped:
            summary.skipped += 1
        case .recognized(let file, let platform):
            if !summary.files.contains(file) { summary.files.append(file) }
            if let platform { summary.platforms.insert(platform) }
        }
    }

    /// Reports progress through the current file; conversations count emitted and skipped ones.
    func progress(file: String, bytesRead: Int, totalBytes: Int?) {
        progressSink(
            ImportProgress(
                conversations: emitted + summary.skipped, bytesRead: bytesRead, totalBytes: totalBytes, file: file))
    }

    // MARK: What was not read

    /// Passes a diagnostic on.
    func report(_ diagnostic: ImportDiagnostic) { diagnosticSink(diagnostic) }

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

    /// A file or member was not read; `reason` follows "name: ".
    func noteRejected(_ name: String, reason: String, sizeLimit: Bool = false) {
        rejections.append("\(name): \(reason)")
        refusedForSize = refusedForSize || sizeLimit
        if sizeLimit, !sizeReasons.contains(reason) { sizeReasons.append(reason) }
    }

    /// Records that a member was refused and tells the caller why.
    func refuse(_ name: String, reason: String, sizeLimit: Bool = false) {
        noteRejected(name, reason: reason, sizeLimit: sizeLimit)
        passOver(name, severity: .error, message: "not read: \(reason)")
    }
}
