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
    /// fatal problems: a missing or unreadable path, or nothing recognisable at all. A
    /// malformed conversation inside a valid export becomes an error diagnostic, counts in
    /// `skipped`, and is never half-emitted.
    ///
    /// `platform` limits detection to that platform's formats; a JSON list named directly whose
    /// first element none of them recognises is still handed to the platform's conversation
    /// parser, which then says what is wrong with each conversation. `progress` comes after every
    /// conversation, with bytes counted within the current file (`ImportProgress.file`).
    func read(
        path: String, platform: Platform?,
        emit: (ParsedConversation, _ file: String) throws -> Void,
        diagnostic: (ImportDiagnostic) -> Void,
        progress: (ImportProgress) -> Void
    ) throws -> ExportReadSummary {
        var formats = ExportFormats.all
        if let platform {
            formats = formats.restricted(to: platform)
            guard !formats.isEmpty else {
                throw RecallError(
                    .unrecognizedFormat,
                    "Recall cannot read \(platform.displayName) exports yet (supported: \(ExportFormats.all.supportedNames)). Leave the platform out to detect it.")
            }
        }
        let location = try Self.locate(path)
        return try withoutActuallyEscaping(emit) { emit in
            try withoutActuallyEscaping(diagnostic) { diagnostic in
                try withoutActuallyEscaping(progress) { progress in
                    let session = ExportReadSession(
                        limits: limits, forced: platform, formats: formats, emit: emit, diagnostic: diagnostic,
                        progress: progress)
                    do {
                        try read(location, path: path, into: session)
                    } catch let failure as ExportEmitFailure {
                        throw failure.underlying
                    }
                    guard !session.summary.files.isEmpty else { throw Self.nothingRead(path, location, session) }
                    return session.summary
                }
            }
        }
    }

    private enum Location {
        case file(URL)
        case folder(URL)
    }

    private func read(_ location: Location, path: String, into session: ExportReadSession) throws {
        switch location {
        case .file(let url):
            try session.readFile(url, name: path, explicit: true)
        case .folder(let url):
            let files = try FolderWalker.files(under: url) { folder in
                session.report(ImportDiagnostic(
                    severity: .warning, file: (path as NSString).appendingPathComponent(folder),
                    message: "this folder could not be listed; its files were not read"))
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
                        url.appendingPathComponent(relative), name: (path as NSString).appendingPathComponent(relative),
                        explicit: false, role: role)
                    continue
                }
                if setsRead.insert(number).inserted {
                    try readShards(shardSets[number], in: url, path: path, into: session)
                }
            }
        }
    }

    /// Reads one folder's ChatGPT shards as one list; files over the size limit are refused first.
    private func readShards(_ set: ChatGPTShardSet, in root: URL, path: String, into session: ExportReadSession) throws {
        var members: [ChatGPTShardSet.Member] = []
        for relative in set.paths {
            let url = root.appendingPathComponent(relative)
            let name = (path as NSString).appendingPathComponent(relative)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
            if let size, size > limits.maxFileSize {
                session.refuse(
                    name, reason: "it is \(size.byteDescription), over the \(limits.maxFileSize.byteDescription) limit for one file",
                    sizeLimit: true)
                continue
            }
            let chunkSize = limits.readChunkSize
            members.append(ChatGPTShardSet.Member(name: name, size: size) { consume in
                let handle: FileHandle
                do {
                    handle = try FileChunkReader.open(url, name: name)
                } catch let error as RecallError {
                    throw ExportReadInterruption(error.message)
                }
                try FileChunkReader.read(handle, chunkSize: chunkSize, consume)
            })
        }
        try ChatGPTShardSet.read(members, into: session)
    }

    /// Resolves `~`, and checks that the path exists and can be read.
    private static func locate(_ path: String) throws -> Location {
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RecallError(.unreadableFile, "No path was given. Pass the export's ZIP, its conversations.json, or its folder.")
        }
        let expanded = (path as NSString).expandingTildeInPath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder) else {
            throw RecallError(.unreadableFile, "No file or folder at \(path). Check the path (it is read on this machine, relative to the current folder unless absolute).")
        }
        // A FIFO or a device would block the reader or never end; only files and folders are read.
        let resolved = (expanded as NSString).resolvingSymlinksInPath
        let type = (try? FileManager.default.attributesOfItem(atPath: resolved)[.type]) as? FileAttributeType
        guard isFolder.boolValue || type == .typeRegular else {
            throw RecallError(.unreadableFile, "\(path) is not a regular file or a folder (it is a device, pipe or socket). Pass the export's ZIP, its conversations.json, or its folder.")
        }
        guard FileManager.default.isReadableFile(atPath: expanded) else {
            throw RecallError(.unreadableFile, "\(path) cannot be read: permission denied. Check its permissions.")
        }
        let url = URL(fileURLWithPath: expanded, isDirectory: isFolder.boolValue)
        return isFolder.boolValue ? .folder(url) : .file(url)
    }

    /// The fatal error when no file held an export.
    private static func nothingRead(_ path: String, _ location: Location, _ session: ExportReadSession) -> RecallError {
        let code: RecallError.Code = session.refusedForSize ? .tooLarge : .unrecognizedFormat
        let expected = "Expected a \(session.formats.expectedExport), or a ZIP or folder containing one."
        // Reasons about the path itself read better without repeating it.
        let reasons = session.rejections.map { $0.hasPrefix(path + ": ") ? String($0.dropFirst(path.count + 2)) : $0 }
        let listed = reasons.prefix(5).joined(separator: "; ") + (reasons.count > 5 ? "; …" : "")
        switch location {
        case .file:
            return RecallError(code, "\(path) is not a readable export: \(reasons.isEmpty ? "it holds no conversations" : listed). \(expected)")
        case .folder:
            let found = reasons.isEmpty ? "it holds no JSON, HTML, Markdown, text or ZIP files besides an export's side files" : listed
            return RecallError(code, "\(path) holds no readable export (\(found)). \(expected)")
        }
    }
}
