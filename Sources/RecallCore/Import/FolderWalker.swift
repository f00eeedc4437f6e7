import Foundation

/// Lists the files under a folder: recursively, in sorted order, without hidden files.
enum FolderWalker {
    /// Folders deeper than this are not entered (a guard against pathological trees).
    static let maxDepth = 32

    /// Relative paths (`/`-separated) of the regular files under `root`, sorted component by
    /// component. Symbolic links to folders are not followed, so a link loop cannot trap the walk;
    /// `unreadable` is told about subfolders that could not be listed.
    static func files(under root: URL, unreadable: (String) -> Void) throws -> [String] {
        var result: [String] = []
        try walk(root, relative: "", depth: 0, into: &result, unreadable: unreadable)
        return result
    }

    private static func walk(
        _ folder: URL, relative: String, depth: Int, into result: inout [String], unreadable: (String) -> Void
    ) throws {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder.path)
        } catch {
            if depth == 0 {
                throw RecallError(.unreadableFile, "Could not list the folder \(folder.path) (\(error.localizedDescription)). Check that you may read it.")
            }
            unreadable(relative)
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let path = relative.isEmpty ? name : relative + "/" + name
            let type = (try? manager.attributesOfItem(atPath: url.path)[.type]) as? FileAttributeType
            var isFolder: ObjCBool = false
            let exists = manager.fileExists(atPath: url.path, isDirectory: &isFolder)
            switch type {
            case .typeDirectory?:
                if depth + 1 < maxDepth {
                    try walk(url, relative: path, depth: depth + 1, into: &result, unreadable: unreadable)
                }
            case .typeSymbolicLink?:
                if exists, !isFolder.boolValue { result.append(path) }
            case .typeRegular?:
                result.append(path)
            default:
                continue  // sockets, devices, vanished files
            }
        }
    }
}
