import ArgumentParser
import RecallCore
import RecallMCP

/// The `recall` command: a CLI over RecallCore; `recall serve` is the MCP server.
@main
struct RecallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recall",
        abstract: "A local memory for AI assistants.",
        version: RecallVersion.current,
        subcommands: [],
    )
}
