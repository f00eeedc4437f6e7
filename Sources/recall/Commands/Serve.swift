import ArgumentParser
import Foundation
import Logging
import RecallCore
import RecallMCP

extension RecallCommand {
    /// `recall serve`: the MCP server on stdin/stdout.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the MCP server on stdio (for Claude Desktop, Cursor, Windsurf, VS Code, Claude Code).",
            discussion: "stdout carries only protocol messages; logs go to stderr and never contain message text."
        )

        @OptionGroup var store: StoreOptions

        @Option(help: "The least severe level of the lines written to stderr (default: RECALL_LOG_LEVEL, else info).")
        var logLevel: Logger.Level?

        @Option(
            name: .customLong("allow-import"),
            help: ArgumentHelp(
                "A folder import_chats may read (repeatable; also RECALL_IMPORT_DIRS, separated by ':'). Default: your Downloads folder. The client's roots are always allowed.",
                valueName: "folder"))
        var allowImport: [String] = []

        func run() async throws {
            // One threshold and one format for every stderr line: the server's own log, and
            // swift-log routed through it before anything can log (stdout belongs to the protocol).
            let level = logLevel ?? ProcessInfo.processInfo.environment["RECALL_LOG_LEVEL"].flatMap(Logger.Level.init(name:)) ?? .info
            let log = ServerLog(threshold: ServerLogHandler.serverLevel(level))
            LoggingSystem.bootstrap { _ in ServerLogHandler(log: log, level: level) }
            let recall = try store.makeRecall(creatingFolder: true, backgroundIndexing: true, log: log)
            let importFolders = ImportFolders.configured(flags: allowImport)
            let logger = Logger(label: "recall.serve")
            logger.info(
                "serving MCP on stdio",
                metadata: ["store": "\(recall.location.displayPath)", "import folders": "\(importFolders.joined(separator: ", "))"])
            for folder in importFolders where !FileManager.default.fileExists(atPath: folder) {
                logger.warning("the import folder \(folder) does not exist (yet)")
            }
            await RecallServer(recall: recall, version: RecallVersion.current, importFolders: importFolders).runStdio(log: log)
        }
    }
}

extension Logger.Level {
    /// A level from its name, any case (`RECALL_LOG_LEVEL=warning`).
    init?(name: String) {
        self.init(rawValue: name.lowercased())
    }
}
