import Foundation

/// Lists the files under a folder: recursively, in sorted order, without hidden files, and
/// without ever leaving it.
///
/// Entries are looked at with `lstat`, which opens nothing, so a FIFO or a device in the folder
/// cannot block the walk. What the walk passes over, and why, goes to `passOver`:
/// - a symbolic link whose target lies outside the folder (`innocent.md -> ../secret.md`);
/// - a folder on another file system (a mount point: `/proc` under `/`, a network share);
/// - FIFOs, sockets and devices;
/// - folders that could not be listed.
///
/// Links to files inside the folder are listed; links to folders are not followed, so a link
/// loop cannot trap the walk.
struct FolderWalker {
    /// Why an entry was passed over.
    enum PassOver: Equatable {
        case unreadableFolder
        case linkOutside
        case otherFileSystem
        case specialFile
        case tooManyEntries
    }

    /// Folders deeper than this are not entered (a guard against pathological trees).
    static let maxDepth = 32
    /// Entries looked at before the walk gives up: an export folder holds a few hundred.
    static let maxEntries = 200_000

    /// The folder, absolute and with its links resolved.
    let root: String
    /// The file system the folder is on.
    let device: UInt64
    /// Called before each folder is listed; throws to stop the walk (time is up).
    var checkTime: () throws -> Void = {}

    /// Relative paths (`/`-separated) of the regular files under `root`, sorted component by component.
    func files(passOver: (_ relative: String, PassOver) -> Void) throws -> [String] {
        var result: [String] = []
        var entries = 0
        try walk(root, relative: "", depth: 0, entries: &entries, into: &result, passOver: passOver)
        return result
    }

    private func walk(
        _ folder: String, relative: String, depth: Int, entries: inout Int, into result: inout [String],
        passOver: (String, PassOver) -> Void
    ) throws {
        try checkTime()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            if depth == 0 {
                throw ImportError(
                    .unreadableFile,
                    "Could not list the folder \(folder) (\(error.localizedDescription)). Check that you may read it.")
            }
            passOver(relative, .unreadableFolder)
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            entries += 1
            guard entries <= Self.maxEntries else {
                // Said once; every folder above returns at its next entry.
                if entries == Self.maxEntries + 1 { passOver(relative, .tooManyEntries) }
                return
            }
            let path = folder + "/" + name
            let entry = relative.isEmpty ? name : relative + "/" + name
            guard case .success(let status) = FileStatus.ofLink(path) else { continue }  // vanished meanwhile
            switch status.kind {
            case .directory:
                if status.device != device {
                    passOver(entry, .otherFileSystem)
                } else if depth + 1 < Self.maxDepth {
                    try walk(
                        path, relative: entry, depth: depth + 1, entries: &entries, into: &result, passOver: passOver)
                }
            case .symbolicLink:
                let target = PathResolver.resolve(path)
                guard PathResolver.contains(root, target) else {
                    passOver(entry, .linkOutside)
                    continue
                }
                switch (try? FileStatus.of(target).get())?.kind {
                case .regular?: result.append(entry)
                case .directory?, nil: continue  // folders are not followed; dangling links are nothing
                case .symbolicLink?, .special?: passOver(entry, .specialFile)
                }
            case .regular:
                result.append(entry)
            case .special:
                passOver(entry, .specialFile)
            }
        }
    }
}
