import ArgumentParser
import Foundation
import RecallCore

/// The options every subcommand shares: which store to use and how to print results.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The SQLite store to use (default: RECALL_DB, else the platform's data folder).",
            valueName: "path"
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
    func makeRecall(backgroundIndexing: Bool = false) -> Recall {
        Recall(location: location, semantic: semantic, backgroundIndexing: backgroundIndexing)
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
