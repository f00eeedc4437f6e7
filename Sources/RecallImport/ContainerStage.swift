import Foundation

/// The stage that turns files and ZIP members into byte streams for `MemberReader`: what a
/// read knows about where bytes come from, and nothing about what they say.
///
/// A value: what changes during a read lives in the `ReadBudget` passed along `inout` and in
/// the `ExportReadLog` it reports to.
struct ContainerStage {
    /// The ceilings of this read.
    let limits: ImportLimits
    /// The platform the caller forced, if any.
    let forced: Platform?
    /// The formats detection chooses from: all of them, or the forced platform's.
    let formats: ExportFormats
    /// Where findings go.
    let log: ExportReadLog
    /// The file system of the folder being imported; files found in it must be on it too.
    var rootDevice: UInt64?

    /// Reads a file on disk: a ZIP archive, a JSON file, or a text document.
    ///
    /// `explicit` means the
    /// user named it, so it is read whatever its name and a failure is fatal; otherwise `role`
    /// (from its name) says what it may be. The file is opened by `RegularFile`, so nothing that
    /// could block (a FIFO, a device, this process's stdin) is ever read.
    func readFile(
        _ path: String, name: String, explicit: Bool, role: MemberSelection.Role = .conversations,
        budget: inout ReadBudget
    ) throws {
        try budget.checkTime()
        let file: RegularFile
        do {
            file = try RegularFile.open(path, device: explicit ? nil : rootDevice)
        } catch {
            if explicit { throw ImportError(.unreadableFile, "\(name) cannot be read: \(error.reason).") }
            log.refuse(name, reason: error.reason)
            return
        }
        if file.size > limits.maxFileSize {
            let reason =
                "it is \(file.size.byteDescription), over the \(limits.maxFileSize.byteDescription) limit for one file"
            if explicit { throw ImportError(.tooLarge, "\(name): \(reason). Split the export or raise the limit.") }
            log.refuse(name, reason: reason, sizeLimit: true)
            return
        }
        let isArchive = explicit ? FileChunkReader.isZIP(head: file.head(4)) : role == .archive
        if isArchive {
            try ZipArchiveReader(url: URL(fileURLWithPath: file.resolvedPath), name: name, explicit: explicit).read(
                into: self, budget: &budget)
            return
        }
        try readMember(name: name, size: file.size, explicit: explicit, role: role) { consume in
            try FileChunkReader.read(file.handle, chunkSize: limits.readChunkSize) { chunk in
                try budget.checkTime()
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
        let fallback = explicit && forced != nil ? formats.elementParsers.first(where: \.readsForcedFiles) : nil
        let quietWhenEmpty = !explicit && (role == .optional || role == .probe)
        var reader = MemberReader(
            name: name, totalBytes: size, formats: formats, limits: limits, fallback: fallback, superseded: superseded,
            acceptsText: explicit || MemberSelection.acceptsText(role), quietWhenEmpty: quietWhenEmpty, sink: log)
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
        log.noteRejected(name, reason: message, sizeLimit: interruption?.isSizeLimit ?? false)
        // A file that merely sits beside the export gets one short line; the full reason (and
        // what was expected) goes into the error when nothing at all could be read.
        if !explicit {
            log.passOver(
                name, severity: interruption == nil ? .warning : .error,
                message: interruption == nil
                    ? reader.contentKind.map { "not a chat export (\($0)); skipped" } ?? "not read: \(message)"
                    : "not read: \(message)")
        }
    }
}
