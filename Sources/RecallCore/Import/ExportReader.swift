import Foundation

/// Reads chat exports from a path — a JSON, HTML, Markdown or text file, a ZIP archive, or a
/// folder searched recursively — and hands over one `ParsedConversation` at a time.
///
/// The stages, each in its own type: containers (`ZipArchiveReader`, `FolderWalker`,
/// `FileChunkReader`) deliver bytes; `MemberReader` routes each file by its first byte. JSON
/// lists go to `ExportMemberReader`, which cuts them into conversations with
/// `JSONArraySplitter`, detects the platform from content and runs its `ExportParser`; memory
/// stays flat, only the conversation being parsed is held. Files that must be seen whole (text,
/// HTML, Gemini activity, AI Studio prompts) go to `DocumentMemberReader` and a `DocumentParser`,
/// up to `ImportLimits.maxDocumentSize`. Sharded ChatGPT exports are merged by `ChatGPTShardSet`.
///
/// ```swift
/// let summary = try ExportReader().read(path: "~/Downloads/export.zip", platform: nil,
///     emit: { conversation, file in try store.upsert(conversation) },
///     diagnostic: { diagnostics.append($0) },
///     progress: { report($0) })
/// ```
struct ExportReader: Sendable {
    /// The ceilings this reader enforces.
    let limits: ImportLimits

    /// Creates a reader with the given limits.
    init(limits: ImportLimits = .default) {
        self.limits = limits
    }

    /// Calls `emit` once per conversation, in file order; `emit` may throw (storage failure)
    /// and that aborts the read with that error.
    ///
    /// Throws `RecallError` (`.unreadableFile`, `.unrecognizedFormat`, `.tooLarge`) only for
    /// fatal problems: a missing, unreadable or disallowed path, or nothing recognisable at all.
    /// A malformed conversation inside a valid export becomes an error diagnostic, counts in
    /// `skipped`, and is never half-emitted. Throws `ImportTimeLimitReached` when the policy's
    /// time limit (measured with `clock`) runs out; what was emitted before stays emitted.
    ///
    /// `platform` limits detection to that platform's formats; a JSON list named directly whose
    /// first element none of them recognises is still handed to the platform's conversation
    /// parser, which then says what is wrong with each conversation. `progress` comes after every
    /// conversation, with bytes counted within the current file (`ImportProgress.file`).
    func read(
        path: String, platform: Platform?, policy: ImportPolicy = .unrestricted,
        clock: @escaping @Sendable () -> Date = { Date() },
        emit: (ParsedConversation, _ file: String) throws -> Void,
        diagnostic: (ImportDiagnostic) -> Void,
        progress: (ImportProgress) -> Void
    ) throws -> ExportReadSummary {
        var formats = ExportFormats.all(transcriptEvidence: policy.requiresTranscriptEvidence)
        if let platform {
            formats = ExportFormats.all.restricted(to: platform)
            guard !formats.isEmpty else {
                throw RecallError(
                    .unrecognizedFormat,
                    "Recall cannot read \(platform.displayName) exports yet (supported: \(ExportFormats.all.supportedNames)). Leave the platform out to detect it."
                )
            }
        }
        let deadline = policy.timeLimit.map { ImportDeadline(limit: $0, now: clock) }
        let location = try Self.locate(path, policy: policy)
        return try withoutActuallyEscaping(emit) { emit in
            try withoutActuallyEscaping(diagnostic) { diagnostic in
                try withoutActuallyEscaping(progress) { progress in
                    let session = ExportReadSession(
                        limits: limits, forced: platform, formats: formats, policy: policy, deadline: deadline,
                        emit: emit, diagnostic: diagnostic, progress: progress)
                    do {
                        try read(location, path: path, into: session)
                    } catch let failure as ExportEmitFailure {
                        session.reportSkippedFiles(under: path)
                        guard var stop = failure.underlying as? ImportTimeLimitReached else { throw failure.underlying }
                        stop.read = session.summary
                        throw stop
                    }
                    session.reportSkippedFiles(under: path)
                    guard !session.summary.files.isEmpty else { throw Self.nothingRead(path, location, session) }
                    return session.summary
                }
            }
        }
    }

    /// Checks that a path may be imported under a policy, before anything is stored or opened.
    static func admit(_ path: String, policy: ImportPolicy) throws {
        _ = try locate(path, policy: policy)
    }

    private enum Location {
        case file(String)
        case folder(String, device: UInt64)
    }

    private func read(_ location: Location, path: String, into session: ExportReadSession) throws {
        switch location {
        case .file(let resolved):
            try session.readFile(resolved, name: path, explicit: true)
        case .folder(let root, let device):
            session.rootDevice = device
            let walker = FolderWalker(root: root, device: device, checkTime: session.checkTime)
            let files = try walker.files { relative, why in
                Self.report(why, of: (path as NSString).appendingPathComponent(relative), into: session)
            }
            let shardSets = ChatGPTShardSet.sets(in: files)
            var setOf: [String: Int] = [:]
            for (number, set) in shardSets.enumerated() {
                for member in set.paths { setOf[member] = number }
            }
            var setsRead = Set<Int>()
            for relative in files {
                let role = MemberSelection.role(of: relative)
                guard role != .ignored else { continue }
                guard let number = setOf[relative] else {
                    try session.readFile(
                        root + "/" + relative, name: (path as NSString).appendingPathComponent(relative),
                        explicit: false, role: role)
                    continue
                }
                if setsRead.insert(number).inserted {
                    try readShards(shardSets[number], in: root, path: path, into: session)
                }
            }
        }
    }

    /// Tells the session why the folder walk passed over an entry.
    private static func report(_ why: FolderWalker.PassOver, of name: String, into session: ExportReadSession) {
        let reason: String
        switch why {
        case .unreadableFolder:
            session.passOver(
                name, severity: .warning, message: "this folder could not be listed; its files were not read",
                isFolder: true)
            return
        case .tooManyEntries:
            session.report(
                ImportDiagnostic(
                    severity: .warning, file: name,
                    message:
                        "the walk stopped after \(FolderWalker.maxEntries) entries; import a smaller folder to read the rest"
                ))
            return
        case .linkOutside: reason = "it is a symbolic link to a place outside the folder being imported"
        case .otherFileSystem: reason = "it is a folder on another file system (a mount point)"
        case .specialFile: reason = "it is not a regular file (a device, pipe or socket)"
        }
        session.noteRejected(name, reason: reason)
        session.passOver(name, severity: .warning, message: "not read: \(reason)", isFolder: why == .otherFileSystem)
    }

    /// Reads one folder's ChatGPT shards as one list; files over the size limit are refused first.
    private func readShards(_ set: ChatGPTShardSet, in root: String, path: String, into session: ExportReadSession)
        throws
    {
        var members: [ChatGPTShardSet.Member] = []
        for relative in set.paths {
            let file = root + "/" + relative
            let name = (path as NSString).appendingPathComponent(relative)
            let size: Int
            do {
                size = try RegularFile.open(file, device: session.rootDevice).size
            } catch {
                session.refuse(name, reason: error.reason)
                continue
            }
            if size > limits.maxFileSize {
                session.refuse(
                    name,
                    reason:
                        "it is \(size.byteDescription), over the \(limits.maxFileSize.byteDescription) limit for one file",
                    sizeLimit: true)
                continue
            }
            let chunkSize = limits.readChunkSize
            members.append(
                ChatGPTShardSet.Member(name: name, size: size) { [device = session.rootDevice] consume in
                    let opened: RegularFile
                    do throws(RegularFile.Refusal) {
                        opened = try RegularFile.open(file, device: device)
                    } catch {
                        throw ExportReadInterruption(error.reason)
                    }
                    try FileChunkReader.read(opened.handle, chunkSize: chunkSize) { chunk in
                        try session.checkTime()
                        try consume(chunk)
                    }
                })
        }
        try ChatGPTShardSet.read(members, into: session)
    }

    /// Resolves `~`, the working folder and links, and checks that the path may be read: inside
    /// the policy's folders, not a system folder or the whole disk, an existing file or folder.
    ///
    /// The folder check comes first and looks only at the resolved name, so a path outside gets
    /// the same answer whether or not anything is there.
    private static func locate(_ path: String, policy: ImportPolicy) throws -> Location {
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RecallError(
                .unreadableFile, "No path was given. Pass the export's ZIP, its conversations.json, or its folder.")
        }
        let resolved = PathResolver.resolve(StoreLocation.expand(path))
        if let allowed = policy.allowedFolders {
            let folders = allowed.map { StoreLocation.expand($0) }
            guard folders.contains(where: { PathResolver.contains(PathResolver.resolve($0), resolved) }) else {
                throw RecallError(
                    .invalidArgument, outside(path, folders),
                    fieldErrors: ["path": "outside the folders Recall may import from"])
            }
        }
        if PathResolver.isSystem(resolved) {
            throw RecallError(
                .unreadableFile,
                "\(path) is in /proc, /sys or /dev, which hold no exports (reading there can block or never end). Pass the export's ZIP, its conversations.json, or its folder."
            )
        }
        if resolved == "/" {
            throw RecallError(
                .unreadableFile,
                "\(path) is the whole file system. Pass the export's ZIP, its conversations.json, or the folder that holds it."
            )
        }
        let status: FileStatus
        do {
            status = try RegularFile.status(resolved)
        } catch {
            if error.isMissing {
                throw RecallError(
                    .unreadableFile,
                    "No file or folder at \(path). Check the path (it is read on this machine, relative to the current folder unless absolute)."
                )
            }
            throw RecallError(.unreadableFile, "\(path) cannot be read: \(error.reason).")
        }
        switch status.kind {
        case .directory: return .folder(resolved, device: status.device)
        // A FIFO or a device would block the reader or never end; only files and folders are read.
        case .regular: return .file(resolved)
        case .symbolicLink, .special:
            throw RecallError(
                .unreadableFile,
                "\(path) is not a regular file or a folder (it is a device, pipe or socket). Pass the export's ZIP, its conversations.json, or its folder."
            )
        }
    }

    /// The error for a path outside the allowed folders: it names them and how to allow more.
    private static func outside(_ path: String, _ folders: [String]) -> String {
        let list = folders.isEmpty ? "none" : folders.joined(separator: ", ")
        return
            "\(path) is outside the folders Recall may import from (\(list)). Move or copy the export into one of them, or allow its folder: start the server with --allow-import FOLDER, set RECALL_IMPORT_DIRS, or open the folder as a root in your client."
    }

    /// The fatal error when no file held an export.
    private static func nothingRead(_ path: String, _ location: Location, _ session: ExportReadSession) -> RecallError {
        let code: RecallError.Code = session.refusedForSize ? .tooLarge : .unrecognizedFormat
        let expected = "Expected a \(session.formats.expectedExport), or a ZIP or folder containing one."
        // Reasons about the path itself read better without repeating it.
        var reasons = session.rejections.map { $0.hasPrefix(path + ": ") ? String($0.dropFirst(path.count + 2)) : $0 }
        if session.policy.countsSkippedFiles {
            // Named files could reveal what else lies there: keep the reasons about the path itself.
            reasons = session.rejections.filter { $0.hasPrefix(path + ": ") }.map {
                String($0.dropFirst(path.count + 2))
            }
            if !session.skippedFiles.isEmpty {
                reasons.append("it holds \(session.skippedFiles.description), none of them an export")
            }
            reasons += session.sizeReasons.filter { !reasons.contains($0) }
        }
        let listed = reasons.prefix(5).joined(separator: "; ") + (reasons.count > 5 ? "; …" : "")
        switch location {
        case .file:
            return RecallError(
                code,
                "\(path) is not a readable export: \(reasons.isEmpty ? "it holds no conversations" : listed). \(expected)"
            )
        case .folder:
            let found =
                reasons.isEmpty
                ? "it holds no JSON, HTML, Markdown, text or ZIP files besides an export's side files" : listed
            return RecallError(code, "\(path) holds no readable export (\(found)). \(expected)")
        }
    }
}
