import ArgumentParser
import Foundation
import RecallCore
import RecallMCP

/// The options every subcommand shares: which store to use and how to print results.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The store: a SQLite file, or a postgres:// URL for a PostgreSQL database shared by several machines (default: RECALL_DB, else a file in the platform's data folder).",
            valueName: "path or url"
        )
    )
    var databasePath: String?

    @Flag(help: "Print results as JSON (the same shape the MCP tools return).")
    var json = false

    @Flag(help: "Search by words alone: no vectors are made, read or written (also RECALL_SEMANTIC=off).")
    var noSemantic = false

    /// Where the store lives, from `--db`, `RECALL_DB` or the platform default.
    var location: StoreLocation {
        StoreLocation.resolve(explicit: databasePath)
    }

    /// Words and meaning, unless `--no-semantic` or `RECALL_SEMANTIC=off` asks for words alone.
    var semantic: SemanticSearch {
        noSemantic ? .off : SemanticSearch.from(environment: ProcessInfo.processInfo.environment, fallback: .embedded)
    }

    /// A Recall over the chosen store; nothing is opened (and no model read) until the first call.
    ///
    /// A store path that was typed (`--db`, `RECALL_DB`) whose folder does not exist is most
    /// likely a typo: that is an error, except for `recall import` and `recall serve`
    /// (`creatingFolder`), which create the folder and say so, once, when they do. The
    /// default location's folder is created silently, as it always was.
    func makeRecall(creatingFolder: Bool = false, backgroundIndexing: Bool = false, log: ServerLog? = nil) throws
        -> Recall
    {
        let location = self.location
        let defaultLocation = StoreLocation.file(
            StoreLocation.defaultPath(environment: ProcessInfo.processInfo.environment))
        if case .file(let path) = location, location != defaultLocation {
            let folder = (path as NSString).deletingLastPathComponent
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                guard creatingFolder else {
                    throw RecallError(
                        .storeUnavailable,
                        "There is no folder \(folder) for the store \(path). Check the path given with --db or RECALL_DB; `recall import` and `recall serve` create a missing folder."
                    )
                }
                do {
                    try FileManager.default.createDirectory(
                        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                } catch {
                    throw RecallError(
                        .storeUnavailable,
                        "Cannot create the folder \(folder) for the store: \(error.localizedDescription).")
                }
                let notice = "Created the folder \(folder) for the store (it did not exist)."
                if let log { log.log(.warning, notice) } else { Console.writeError(notice) }
            } else if !isFolder.boolValue {
                throw RecallError(
                    .storeUnavailable,
                    "\(folder) is not a folder, so the store \(path) cannot be there. Check the path given with --db or RECALL_DB."
                )
            }
        }
        return Recall(location: location, semantic: semantic, backgroundIndexing: backgroundIndexing)
    }

    /// Prints a result as JSON or as text, as the user asked.
    func emit(_ value: some Encodable & TextRenderable) throws {
        if json {
            try Console.write(JSONOutput.string(value))
        } else {
            Console.write(value.renderText())
        }
    }
}
