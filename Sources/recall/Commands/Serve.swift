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

        @Option(help: "The least severe log level written to stderr.")
        var logLevel: Logger.Level = .info

        @Option(
            name: .customLong("allow-import"),
            help: ArgumentHelp(
                "A folder import_chats may read (repeatable; also RECALL_IMPORT_DIRS, separated by ':'). Default: your Downloads folder. The client's roots are always allowed.",
                valueName: "folder"))
        var allowImport: [String] = []

        func run() async throws {
            // stdout belongs to the protocol: route every logger to stderr before anything can log.
            let level = logLevel
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let recall = store.makeRecall(backgroundIndexing: true)
            let importFolders = ImportFolders.configured(flags: allowImport)
            let logger = Logger(label: "recall.serve")
            logger.info(
                "serving MCP on stdio",
                metadata: ["store": "\(recall.location.displayPath)", "import folders": "\(importFolders.joined(separator: ", "))"])
            for folder in importFolders where !FileManager.default.fileExists(atPath: folder) {
                logger.warning("the import folder \(folder) does not exist (yet)")
            }
            await RecallServer(recall: recall, version: RecallVersion.current, importFolders: importFolders).runStdio()
        }
    }
}
