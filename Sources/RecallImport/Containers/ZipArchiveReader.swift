import Foundation
import ZIPFoundation

/// Reads the conversation files inside a ZIP export, streaming each member in chunks.
///
/// Members are chosen by name (`MemberSelection`), then read in archive order; the shards of a
/// ChatGPT export are read together as one list (`ChatGPTShardSet`).
///
/// Nothing is written to disk. Members are refused, with a diagnostic, when their path could
/// escape a folder (`..`, absolute), when they are symbolic links, or when their size or
/// compression ratio looks like a ZIP bomb. Sizes are checked twice: against the header
/// before reading, and against the bytes actually inflated while reading, since a header can lie.
struct ZipArchiveReader {
    /// The archive on disk.
    let url: URL
    /// How diagnostics name it; members are named `<name>/<member path>`.
    let name: String
    /// Whether the user named this archive (then failing to open it is fatal).
    let explicit: Bool

    /// Reads every conversation member of the archive through `stage`, counting what it
    /// inflates against `budget`.
    func read(into stage: ContainerStage, budget: inout ReadBudget) throws {
        let log = stage.log
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            let reason =
                "it looks like a ZIP archive but could not be opened (\(error)); the download may be incomplete, download the export again"
            if explicit { throw ImportError(.unreadableFile, "\(name): \(reason).") }
            log.refuse(name, reason: reason)
            return
        }
        var members = 0
        var candidates = 0
        var readable: [(entry: Entry, role: MemberSelection.Role)] = []
        for entry in archive {
            members += 1
            if let problem = Self.unsafety(of: entry) {
                log.refuse("\(name)/\(entry.path)", reason: "\(problem); the member was skipped")
                continue
            }
            let role = MemberSelection.role(of: entry.path)
            guard entry.type == .file, role != .ignored, role != .archive else { continue }
            if role != .optional, role != .probe { candidates += 1 }
            readable.append((entry, role))
        }
        let filesBefore = log.summary.files.count
        let shardSets = ChatGPTShardSet.sets(in: readable.map(\.entry.path))
        var setOf: [String: Int] = [:]
        for (number, set) in shardSets.enumerated() {
            for member in set.paths { setOf[member] = number }
        }
        var setsRead = Set<Int>()
        for (entry, role) in readable {
            guard let number = setOf[entry.path] else {
                try readMember(entry, role: role, from: archive, stage: stage, budget: &budget)
                continue
            }
            guard setsRead.insert(number).inserted else { continue }
            // In the set's (name) order, whatever the order of the archive.
            let entries = shardSets[number].paths.compactMap { path in readable.first { $0.entry.path == path }?.entry }
            let sized = entries.compactMap { entry in
                admitted(entry, log: log, budget: budget).map { (entry: entry, size: $0) }
            }
            let members = sized.map { ChatGPTShardSet.Member(name: "\(name)/\($0.entry.path)", size: $0.size) }
            try ChatGPTShardSet.read(members, into: stage) { ordinal, consume in
                try stream(sized[ordinal].entry, from: archive, budget: &budget, consume)
            }
        }
        if candidates == 0, log.summary.files.count == filesBefore {
            let reason =
                "it holds no JSON conversation files (\(members) members, none of them a conversations.json, a MyActivity file or a transcript)"
            log.noteRejected(name, reason: reason)
            if !explicit {
                log.passOver(
                    name, severity: .warning, message: "not a chat export (a ZIP without conversations); skipped")
            }
        }
    }

    /// Reads one member, unless its header already breaks a limit.
    private func readMember(
        _ entry: Entry, role: MemberSelection.Role, from archive: Archive, stage: ContainerStage,
        budget: inout ReadBudget
    ) throws {
        try budget.checkTime()
        guard let size = admitted(entry, log: stage.log, budget: budget) else { return }
        try stage.readMember(name: "\(name)/\(entry.path)", size: size, explicit: false, role: role) { consume in
            try stream(entry, from: archive, budget: &budget, consume)
        }
    }

    /// The member's declared size when its header is within the limits; otherwise refuses it and returns nil.
    private func admitted(_ entry: Entry, log: ExportReadLog, budget: ReadBudget) -> Int? {
        if let problem = sizeProblem(entry, budget: budget) {
            log.refuse(
                "\(name)/\(entry.path)", reason: "\(problem); it looks like a ZIP bomb or a damaged archive",
                sizeLimit: true)
            return nil
        }
        return Int(clamping: entry.uncompressedSize)
    }

    /// Why a member must not be touched, if it must not.
    static func unsafety(of entry: Entry) -> String? {
        let path = entry.path
        if entry.type == .symlink { return "it is a symbolic link" }
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if path.hasPrefix("/") || path.hasPrefix("\\") || (parts.first?.hasSuffix(":") ?? false) {
            return "its path \"\(path)\" is absolute"
        }
        if parts.contains("..") { return "its path \"\(path)\" climbs out of the archive with `..`" }
        if path.contains("\0") { return "its path contains a NUL byte" }
        return nil
    }

    /// Checks the header's sizes before anything is inflated.
    private func sizeProblem(_ entry: Entry, budget: ReadBudget) -> String? {
        let limits = budget.limits
        let declared = Int(clamping: entry.uncompressedSize)
        let compressed = max(1, Int(clamping: entry.compressedSize))
        if declared > limits.maxEntrySize {
            return
                "it expands to \(declared.byteDescription), over the \(limits.maxEntrySize.byteDescription) limit for one member"
        }
        if declared > limits.ratioCheckThreshold, declared / compressed > limits.maxCompressionRatio {
            return
                "it expands \(declared / compressed)× (\(compressed.byteDescription) to \(declared.byteDescription)), over the \(limits.maxCompressionRatio)× limit"
        }
        if !budget.admits(uncompressed: declared) {
            return "the archive's members together expand past the \(limits.maxTotalUncompressed.byteDescription) limit"
        }
        return nil
    }

    /// Inflates one member chunk by chunk, holding the real byte count to the same limits.
    private func stream(
        _ entry: Entry, from archive: Archive, budget: inout ReadBudget, _ consume: (Data) throws -> Void
    ) throws {
        let limits = budget.limits
        let declared = Int(clamping: entry.uncompressedSize)
        let compressed = max(1, Int(clamping: entry.compressedSize))
        var inflated = 0
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: limits.readChunkSize, skipCRC32: false) { chunk in
                inflated += chunk.count
                let withinTotal = budget.spend(uncompressed: chunk.count)
                if inflated > declared {
                    throw ExportReadInterruption(
                        "the member expands past the \(declared.byteDescription) its header declares", isSizeLimit: true
                    )
                }
                if inflated > limits.ratioCheckThreshold, inflated / compressed > limits.maxCompressionRatio {
                    throw ExportReadInterruption(
                        "the member expands more than \(limits.maxCompressionRatio)× its compressed size",
                        isSizeLimit: true)
                }
                if !withinTotal {
                    throw ExportReadInterruption(
                        "the archive expands past the \(limits.maxTotalUncompressed.byteDescription) limit",
                        isSizeLimit: true)
                }
                try consume(chunk)
            }
        } catch let error as ExportReadInterruption {
            throw error
        } catch let error as ExportEmitFailure {
            throw error
        } catch is ExportMemberNotRecognized {
            throw ExportMemberNotRecognized()
        } catch {
            throw ExportReadInterruption(
                "decompressing failed at byte \(inflated) (\(error)); the archive may be damaged, download the export again"
            )
        }
        if checksum != entry.checksum {
            throw ExportReadInterruption(
                "the member's checksum does not match; the archive is damaged, download the export again")
        }
    }
}
