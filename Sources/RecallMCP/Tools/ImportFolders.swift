import Foundation

/// Keeps `import_chats` inside the folders a server was told it may read (`--allow-import`).
///
/// Over HTTP the caller is not the user running the server, so a path is refused unless it
/// lies, after resolving `~`, `..` and symbolic links, inside one of those folders.
enum ImportFolders {
    /// Throws a tool input error unless `path` is inside one of `folders`.
    static func check(_ path: String, within folders: [String]) throws {
        guard !folders.isEmpty else {
            throw ToolInputError(
                field: "path",
                "importing from a path is off on this HTTP server; upload the export with POST /api/upload, or start the server with --allow-import FOLDER")
        }
        let target = resolve(path)
        for folder in folders {
            let root = resolve(folder)
            if target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") { return }
        }
        throw ToolInputError(field: "path", "must be inside a folder this server allows imports from (\(folders.joined(separator: ", ")))")
    }

    private static func resolve(_ path: String) -> String {
        URL(fileURLWithPath: NSString(string: path).expandingTildeInPath).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
