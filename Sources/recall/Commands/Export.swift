import ArgumentParser
import Foundation
import RecallCore

extension RecallCommand {
    /// `recall export`: the store's chats and memories as one JSON document.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export chats (with their messages) and memories as JSON.",
            discussion: """
                Writes {"chats": [{"chat": …, "messages": […]}], "exported_at", "format": "recall-export", \
                "memories": […], "version": 1} with the same snake_case fields the MCP tools return. \
                An output file is created readable by you only.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(help: "What to export.")
        var only: StoreExporter.Part = .all

        @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "path"))
        var output: String?

        @Flag(help: "Include memories that a newer version replaced.")
        var includeSuperseded = false

        @Flag(help: "Include reasoning, tool traffic and system prompts.")
        var includeHidden = false

        @Option(name: .customLong("user"), help: ArgumentHelp("The user namespace of memories.", valueName: "user-id"))
        var userID: String?

        func run() throws {
            let exporter = StoreExporter(
                recall: try store.makeRecall(), part: only, includeSuperseded: includeSuperseded,
                includeHidden: includeHidden, userID: userID, now: Date()
            )
            let handle = try ExportFile.open(output)
            defer { if output != nil { try? handle.close() } }
            let counts = try exporter.write(to: ExportWriter(handle: handle))
            Console.writeError(
                "Exported \(TextFormat.count(counts.chats, "chat")) (\(TextFormat.count(counts.messages, "message"))"
                    + (counts.hiddenMessages > 0 ? ", plus \(counts.hiddenMessages) hidden) " : ") ")
                    + "and \(TextFormat.count(counts.memories, "memory", "memories"))\(output.map { " to \($0)" } ?? "")."
            )
        }
    }
}

extension StoreExporter.Part: ExpressibleByArgument {}
