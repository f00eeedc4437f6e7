import ArgumentParser
import Foundation
import RecallCore

/// The `recall` command: a CLI over RecallCore; `recall serve` is the MCP server.
@main
struct RecallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recall",
        abstract: "A local memory for AI assistants.",
        discussion: """
            Everything stays in one SQLite file on this machine (--db, RECALL_DB, or the \
            platform's data folder). `recall serve` runs the MCP server on stdio.
            """,
        version: RecallVersion.current,
        subcommands: [
            Serve.self, Import.self, Search.self, Context.self, Add.self, Memories.self, Update.self,
            Chats.self, Show.self, Chat.self, Forget.self, Extract.self, Stats.self, Export.self, Reindex.self,
            Embed.self,
            Keys.self, Migrate.self,
        ]
    )

    /// Every subcommand's name, plus `help`.
    static var subcommandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName ?? $0._commandName } + ["help"]
    }

    /// Runs the parsed command, mapping failures to exit codes: 1 for a failed operation,
    /// 2 for a usage mistake, 0 for help and version.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as RecallError {
            Console.report(error)
            Foundation.exit(ExitCode.failure.rawValue)
        } catch {
            if let unknown = UnknownSubcommand(
                arguments: Array(CommandLine.arguments.dropFirst()), known: subcommandNames)
            {
                Console.writeError(unknown.message)
                Foundation.exit(2)
            }
            // ArgumentParser's own usage code is EX_USAGE (64); a shell user expects 2.
            if exitCode(for: error) == .validationFailure {
                Console.writeError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
