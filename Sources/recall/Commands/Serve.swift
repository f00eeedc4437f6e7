import ArgumentParser
import Foundation
import Logging
import RecallCore
import RecallHTTP
import RecallMCP

extension RecallCommand {
    /// `recall serve`: the MCP server on stdin/stdout.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Run the MCP server on stdio (for Claude Desktop, Cursor, Windsurf, VS Code, Claude Code), or on HTTP with --http.",
            discussion: """
                stdout carries only protocol messages; logs go to stderr and never contain message text.
                With --http [HOST:]PORT (default 127.0.0.1:8765) it serves MCP Streamable HTTP at /mcp and the \
                REST API; every request needs `Authorization: Bearer KEY` (make keys with `recall keys create`). \
                SIGTERM stops it after requests in flight finish. Put a reverse proxy in front for TLS.
                """
        )

        @OptionGroup var store: StoreOptions

        @Flag(help: "Serve HTTP instead of stdio.")
        var http = false

        @Argument(help: ArgumentHelp("With --http: the address to listen on.", valueName: "[host:]port"))
        var address: String?

        @Option(help: "With --http: requests per minute per key (a key's own limit wins).")
        var rateLimitMinute = 120

        @Option(help: "With --http: requests per calendar month per key (a key's own limit wins).")
        var rateLimitMonth = 100_000

        @Option(help: "With --http: the largest upload accepted, in MiB.")
        var maxUploadMb = 100

        @Option(
            help: ArgumentHelp(
                "With --http: a browser origin allowed to call the server besides loopback ones (repeatable).",
                valueName: "origin"))
        var allowOrigin: [String] = []

        @Option(help: "The least severe level of the lines written to stderr (default: RECALL_LOG_LEVEL, else info).")
        var logLevel: Logger.Level?

        @Option(
            name: .customLong("allow-import"),
            help: ArgumentHelp(
                """
                A folder import_chats may read (repeatable). On stdio also RECALL_IMPORT_DIRS, separated by ':'; default: your \
                Downloads folder; the client's roots are always allowed. With --http only the folders named here: without \
                one, uploads are the only way in.
                """,
                valueName: "folder"))
        var allowImport: [String] = []

        func run() async throws {
            // One threshold and one format for every stderr line: the server's own log, and
            // swift-log routed through it before anything can log (stdout belongs to the protocol).
            let level =
                logLevel ?? ProcessInfo.processInfo.environment["RECALL_LOG_LEVEL"].flatMap(Logger.Level.init(name:))
                ?? .info
            let log = ServerLog(threshold: ServerLogHandler.serverLevel(level))
            LoggingSystem.bootstrap { _ in ServerLogHandler(log: log, level: level) }
            let recall = try store.makeRecall(creatingFolder: true, backgroundIndexing: true, log: log)
            if http {
                try await serveHTTP(recall)
                return
            }
            let importFolders = ImportFolders.configured(flags: allowImport)
            let logger = Logger(label: "recall.serve")
            logger.info(
                "serving MCP on stdio",
                metadata: [
                    "store": "\(recall.location.displayPath)",
                    "import folders": "\(importFolders.joined(separator: ", "))",
                ])
            for folder in importFolders where !FileManager.default.fileExists(atPath: folder) {
                logger.warning("the import folder \(folder) does not exist (yet)")
            }
            await RecallServer(recall: recall, version: RecallVersion.current, importFolders: importFolders).runStdio(
                log: log)
        }

        func validate() throws {
            if address != nil, !http {
                throw ValidationError("An address is only used with --http, e.g. `recall serve --http 127.0.0.1:8765`.")
            }
            if rateLimitMinute < 1 || rateLimitMonth < 1 { throw ValidationError("Rate limits must be at least 1.") }
            if maxUploadMb < 1 { throw ValidationError("--max-upload-mb must be at least 1.") }
        }

        private func serveHTTP(_ recall: Recall) async throws {
            var settings = HTTPSettings(
                perMinute: rateLimitMinute, perMonth: rateLimitMonth, maxUploadBytes: maxUploadMb << 20,
                allowedOrigins: allowOrigin, importFolders: allowImport)
            if let address {
                do {
                    try settings.setAddress(address)
                } catch let error as HTTPSettingsError {
                    throw ValidationError(error.description)
                }
            }
            let logger = Logger(label: "recall.serve")
            let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
            try await RecallHTTPServer(recall: recall, settings: settings, version: RecallVersion.current).run { port in
                // The URL goes to stderr like every log line; stdout stays empty in HTTP mode.
                logger.info(
                    "serving MCP at http://\(host):\(port)/mcp and the REST API",
                    metadata: [
                        "store": "\(recall.location.displayPath)",
                        "import folders":
                            "\(allowImport.isEmpty ? "none (uploads only)" : allowImport.joined(separator: ", "))",
                    ])
            }
        }
    }
}

extension Logger.Level {
    /// A level from its name, any case (`RECALL_LOG_LEVEL=warning`).
    init?(name: String) {
        self.init(rawValue: name.lowercased())
    }
}
