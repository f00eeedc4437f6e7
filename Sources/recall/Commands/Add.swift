import ArgumentParser
import Foundation
import RecallCore

extension RecallCommand {
    /// `recall add`: save a memory, or extract memories from chat turns.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save a memory, or extract memories from chat messages.",
            discussion: """
                Give the memory as an argument (`-` reads it from stdin), or give --messages with a JSON \
                file (`-` for stdin) holding [{"role": "user", "content": "…"}, …].
                """
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: ArgumentHelp("The memory to save; `-` reads it from stdin.", valueName: "content"))
        var content: String?

        @Option(help: ArgumentHelp("A JSON file of chat messages to extract memories from.", valueName: "path"))
        var messages: String?

        @Flag(help: "With --messages: keep each message verbatim instead of extracting facts.")
        var verbatim = false

        @Option(name: .customLong("tag"), help: "A tag for every memory saved (repeat for several).")
        var tags: [String] = []

        @Option(help: "A bucket for every memory saved.")
        var bucket: String?

        @Option(name: .customLong("type"), help: "The type of a verbatim memory (default: note).")
        var memoryType: MemoryType?

        @Option(name: .customLong("user"), help: ArgumentHelp("The user namespace.", valueName: "user-id"))
        var userID: String?

        @Option(help: ArgumentHelp("When it was true or said (yyyy-MM-dd or ISO-8601).", valueName: "date"))
        var at: DateArgument?

        func validate() throws {
            guard (content == nil) != (messages == nil) else {
                throw ValidationError("Give either a memory or --messages, not both or neither.")
            }
            if content == "-" && messages == "-" { throw ValidationError("Only one input can come from stdin.") }
        }

        func run() throws {
            var request = AddMemoryRequest(
                extract: !verbatim, tags: tags, bucket: bucket, memoryType: memoryType, memoriesAt: at?.date,
                userID: userID
            )
            if let content {
                request.content = content == "-" ? try InputFile.readText("-") : content
            } else if let messages {
                request.messages = try InputFile.readTurns(messages)
            }
            try store.emit(store.makeRecall().addMemory(request))
        }
    }
}
