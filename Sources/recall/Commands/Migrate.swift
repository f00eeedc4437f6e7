import ArgumentParser
import Foundation
import RecallCore

extension RecallCommand {
    /// `recall migrate`: copies a store into another, SQLite to PostgreSQL or back.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every chat, message, memory, import, vector and key into another store.",
            discussion: """
                Ids are kept, so chat, message and memory ids mean the same in the copy. Rows the \
                target already holds are left alone: a copy that stopped can run again. Both stores \
                are counted at the end to check the copy. Progress goes to stderr.

                  recall migrate --to postgres://me@db.example.com:5432/recall
                  recall migrate --from postgres://me@db.example.com/recall --to ~/recall.sqlite
                """)

        @Option(
            help: ArgumentHelp(
                "The store to copy from (default: --db, RECALL_DB, else the default store).", valueName: "path or url"))
        var from: String?

        @Option(
            help: ArgumentHelp("The store to copy into: a file path or a postgres:// URL.", valueName: "path or url"))
        var to: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            let source = from.map { StoreLocation.resolve(explicit: $0) } ?? store.location
            let target = StoreLocation.resolve(explicit: to)
            var shown = ""
            let summary = try Recall.migrate(from: source, to: target) { progress in
                let line = "copying \(progress.table): \(progress.rows) of \(progress.total)"
                if line != shown { Console.writeError(line) }
                shown = line
            }
            try store.emit(summary)
        }
    }
}

extension MigrationSummary: TextRenderable {
    func renderText() -> String {
        let lines = tables.map { table in
            "\(table.name): \(table.target) of \(table.source) (\(table.copied) copied now)"
        }
        return (["Copied \(from) to \(to); every table counted:"] + lines).joined(separator: "\n")
    }
}
