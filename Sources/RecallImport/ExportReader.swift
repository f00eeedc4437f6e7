public import Foundation

/// Reads chat exports from a path — a JSON, HTML, Markdown or text file, a ZIP archive, or a
/// folder searched recursively — and hands over one `ParsedConversation` at a time.
///
/// The stages, each in its own type: containers (`ContainerStage` with `ZipArchiveReader`,
/// `FolderWalker`, `FileChunkReader`) deliver bytes and count them against a `ReadBudget`;
/// `MemberReader` routes each file by its first byte and reports to an `ExportSink`. JSON
/// lists go to `ExportMemberReader`, which cuts them into conversations with
/// `JSONArraySplitter`, detects the platform from content and runs its `ExportParser`; memory
/// stays flat, only the conversation being parsed is held. Files that must be seen whole (text,
/// HTML, Gemini activity, AI Studio prompts) go to `DocumentMemberReader` and a `DocumentParser`,
/// up to `ImportLimits.maxDocumentSize`. Sharded ChatGPT exports are merged by `ChatGPTShardSet`.
///
/// ```swift
/// let summary = try ExportReader().read(path: "/Users/ana/Downloads/export.zip", platform: nil,
///     emit: { conversation, file in try store.upsert(conversation) },
///     diagnostic: { diagnostics.append($0) },
///     progress: { report($0) })
/// ```
public struct ExportReader: Sendable {
    /// The ceilings this reader enforces.
    public let limits: ImportLimits

    /// Creates a reader with the given limits.
    public init(limits: ImportLimits = .default) {
        self.limits = limits
    }

    /// Calls `emit` once per conversation, in file order; `emit` may throw (storage failure)
    /// and that aborts the read with that error.
    ///
    /// `path` and the policy's folders must already be absolute, with `~` expanded: the caller
    /// expands them once, where the user's text comes in. Throws `ImportError` only for fatal
    /// problems: a missing, unreadable or disallowed path, or nothing recognisable at all.
    /// A malformed conversation inside a valid export becomes an error diagnostic, counts in
    /// `skipped`, and is never half-emitted. Throws `ImportTimeLimitReached` when the policy's
    /// time limit (measured with `clock`) runs out; what was emitted before stays emitted.
    ///
    /// `platform` limits detection to that platform's formats; a JSON list named directly whose
    /// first element none of them recognises is still handed to the platform's conversation
    /// parser, which then says what is wrong with each conversation. `progress` comes after every
    /// conversation, with bytes counted within the current file (`ImportProgress.file`).
    /// `isStored` is asked, before parsing, about each conversation by the fingerprint of its
    /// bytes (see `ParsedConversation.fingerprint`); when it says yes, the conversation is passed
    /// over unparsed, counted as read, and not emitted.
    public func read(
        path: String, platform: Platform?, policy: ImportPolicy = .unrestricted,
        clock: @escaping @Sendable () -> Date = { Date() },
        isStored: (_ fingerprint: String) -> Bool = { _ in false },
        emit: (ParsedConversation, _ file: String) throws -> Void,
        diagnostic: (ImportDiagnostic) -> Void,
        progress: (ImportProgress) -> Void
    ) throws -> ExportReadSummary {
        var formats = ExportFormats.all(transcriptEvidence: policy.requiresTranscriptEvidence)
        if let platform {
            formats = ExportFormats.all.restricted(to: platform)
            guard !formats.isEmpty else {
                throw ImportError(
                    .unrecognizedFormat,
                    "Recall cannot read \(platform.displayName) exports yet (supported: \(ExportFormats.all.supportedNames)). Leave the platform out to detect it."
                )
            }
        }
        let deadline = policy.timeLimit.map { ImportDeadline(limit: $0, now: clock) }
        let location = try Self.locate(path, policy: policy)
        return try withoutActuallyEscaping(isStored) { isStored in
            try withoutActuallyEscaping(emit) { emit in
                try withoutActuallyEscaping(diagnostic) { diagnostic in
                    try withoutActuallyEscaping(progress) { progress in
                        let log = ExportReadLog(
                            policy: policy, deadline: deadline, isStored: isStored, emit: emit, diagnostic: diagnostic,
                            progress: progress)
                        var stage = ContainerStage(limits: limits, forced: platform, formats: formats, log: log)
                        var budget = ReadBudget(limits: limits, deadline: deadline)
                        do {
                            try read(location, path: path, stage: &stage, budget: &budget)
                        } catch let failure as ExportEmitFailure {
                            log.reportSkippedFiles(under: path)
                            guard var stop = failure.underlying as? ImportTimeLimitReached else {
                                throw failure.underlying
                            }
                            stop.read = log.summary
                            throw stop
                        }
                        log.reportSkippedFiles(under: path)
                        guard !log.summary.files.isEmpty else {
                            throw Self.nothingRead(path, location, log: log, formats: formats)
                        }
                        return log.summary
                    }
                }
            }
        }
    }

    /// Checks that a path may be imported under a policy, before anything is stored or opened.
    public static func admit(_ path: String, policy: ImportPolicy) throws {
        _ = try locate(path, policy: policy)
    }

    private enum Location {
        case file(String)
        case folder(String, device: UInt64)
    }

    private func read(_ location: Location, path: String, stage: inout ContainerStage, budget: inout ReadBudget)
        throws
    {
        switch location {
        case .file(let resolved):
            try stage.readFile(resolved, name: path, explicit: true, budget: &budget)
        case .folder(let root, let device):
            stage.rootDevice = device
            let walker = FolderWalker(root: root, device: device, checkTime: budget.checkTime)
            let files = try walker.files { [log = stage.log] relative, why in
                Self.report(why, of: (path as NSString).appendingPathComponent(relative), to: log)
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
                    try stage.readFile(
                        root + "/" + relative, name: (path as NSString).appendingPathComponent(relative),
                        explicit: false, role: role, budget: &budget)
                    continue
                }
                if setsRead.insert(number).inserted {
                    try readShards(shardSets[number], in: root, path: path, stage: stage, budget: budget)
                }
            }
        }
    }

    /// Tells the log why the folder walk passed over an entry.
    private static func report(_ why: FolderWalker.PassOver, of name: String, to log: ExportReadLog) {
        let reason: String
        switch why {
        case .unreadableFolder:
            log.passOver(
                name, severity: .warning, message: "this folder could not be listed; its files were not read",
                isFolder: true)
            return
        case .tooManyEntries:
            log.report(
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
        log.noteRejected(name, reason: reason)
        log.passOver(name, severity: .warning, message: "not read: \(reason)", isFolder: why == .otherFileSystem)
    }

    /// Reads one folder's ChatGPT shards as one list; files over the size limit are refused first.
    private func readShards(
        _ set: ChatGPTShardSet, in root: String, path: String, stage: ContainerStage, budget: ReadBudget
    )
        throws
    {
        var members: [ChatGPTShardSet.Member] = []
        var files: [String] = []
        for relative in set.paths {
            let file = root + "/" + relative
            let name = (path as NSString).appendingPathComponent(relative)
            let size: Int
            do {
                size = try RegularFile.open(file, device: stage.rootDevice).size
            } catch {
                stage.log.refuse(name, reason: error.reason)
                continue
            }
            if size > limits.maxFileSize {
                stage.log.refuse(
                    name,
                    reason:
                        "it is \(size.byteDescription), over the \(limits.maxFileSize.byteDescription) limit for one file",
                    sizeLimit: true)
                continue
            }
            members.append(ChatGPTShardSet.Member(name: name, size: size))
            files.append(file)
        }
        try ChatGPTShardSet.read(members, into: stage) { ordinal, consume in
            let opened: RegularFile
            do throws(RegularFile.Refusal) {
                opened = try RegularFile.open(files[ordinal], device: stage.rootDevice)
            } catch {
                throw ExportReadInterruption(error.reason)
            }
            try FileChunkReader.read(opened.handle, chunkSize: limits.readChunkSize) { chunk in
                try budget.checkTime()
                try consume(chunk)
            }
        }
    }

    /// Resolves links, and checks that the path may be read: inside
    /// the policy's folders, not a system folder or the whole disk, an existing file or folder.
    ///
    /// The folder check comes first and looks only at the resolved name, so a path outside gets
    /// the same answer whether or not anything is there.
    private static func locate(_ path: String, policy: ImportPolicy) throws -> Location {
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ImportError(
                .unreadableFile, "No path was given. Pass the export's ZIP, its conversations.json, or its folder.")
        }
        let resolved = PathResolver.resolve(path)
        if let allowed = policy.allowedFolders {
            let folders = allowed
            guard folders.contains(where: { PathResolver.contains(PathResolver.resolve($0), resolved) }) else {
                throw ImportError(.outsideAllowedFolders, outside(path, folders))
            }
        }
        if PathResolver.isSystem(resolved) {
            throw ImportError(
                .unreadableFile,
                "\(path) is in /proc, /sys or /dev, which hold no exports (reading there can block or never end). Pass the export's ZIP, its conversations.json, or its folder."
            )
        }
        if resolved == "/" {
            throw ImportError(
                .unreadableFile,
                "\(path) is the whole file system. Pass the export's ZIP, its conversations.json, or the folder that holds it."
            )
        }
        let status: FileStatus
        do {
            status = try RegularFile.status(resolved)
        } catch {
            if error.isMissing {
                throw ImportError(
                    .unreadableFile,
                    "No file or folder at \(path). Check the path (it is read on this machine, relative to the current folder unless absolute)."
                )
            }
            throw ImportError(.unreadableFile, "\(path) cannot be read: \(error.reason).")
        }
        switch status.kind {
        case .directory: return .folder(resolved, device: status.device)
        // A FIFO or a device would block the reader or never end; only files and folders are read.
        case .regular: return .file(resolved)
        case .symbolicLink, .special:
            throw ImportError(
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
    private static func nothingRead(_ path: String, _ location: Location, log: ExportReadLog, formats: ExportFormats)
        -> ImportError
    {
        let code: ImportError.Kind = log.refusedForSize ? .tooLarge : .unrecognizedFormat
        let expected = "Expected a \(formats.expectedExport), or a ZIP or folder containing one."
        // Reasons about the path itself read better without repeating it.
        var reasons = log.rejections.map { $0.hasPrefix(path + ": ") ? String($0.dropFirst(path.count + 2)) : $0 }
        if log.policy.countsSkippedFiles {
            // Named files could reveal what else lies there: keep the reasons about the path itself.
            reasons = log.rejections.filter { $0.hasPrefix(path + ": ") }.map {
                String($0.dropFirst(path.count + 2))
            }
            if !log.skippedFiles.isEmpty {
                reasons.append("it holds \(log.skippedFiles.description), none of them an export")
            }
            reasons += log.sizeReasons.filter { !reasons.contains($0) }
        }
        let listed = reasons.prefix(5).joined(separator: "; ") + (reasons.count > 5 ? "; …" : "")
        switch location {
        case .file:
            return ImportError(
                code,
                "\(path) is not a readable export: \(reasons.isEmpty ? "it holds no conversations" : listed). \(expected)"
            )
        case .folder:
            let found =
                reasons.isEmpty
                ? "it holds no JSON, HTML, Markdown, text or ZIP files besides an export's side files" : listed
            return ImportError(code, "\(path) holds no readable export (\(found)). \(expected)")
        }
    }
}
