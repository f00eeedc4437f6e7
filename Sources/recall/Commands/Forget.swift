import ArgumentParser
import RecallCore

extension RecallCommand {
    /// `recall forget`: delete memories, chats or an import.
    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete memories, chats or a whole import, with everything derived from them.",
            discussion: "Use --dry-run first to see what would go."
        )

        @OptionGroup var store: StoreOptions

        @Option(
            name: .customLong("memory"),
            help: ArgumentHelp("A memory to delete (repeat for several).", valueName: "memory-id"))
        var memoryIDs: [String] = []

        @Option(
            name: .customLong("chat"),
            help: ArgumentHelp("A chat to delete (repeat for several).", valueName: "chat-id"))
        var chatIDs: [String] = []

        @Option(
            name: .customLong("import"), help: ArgumentHelp("An import whose chats to delete.", valueName: "import-id"))
        var importID: String?

        @Flag(help: "Report what would be deleted; delete nothing.")
        var dryRun = false

        func validate() throws {
            guard !memoryIDs.isEmpty || !chatIDs.isEmpty || importID != nil else {
                throw ValidationError("Name something to forget: --memory, --chat or --import.")
            }
        }

        func run() throws {
            let request = ForgetRequest(memoryIDs: memoryIDs, chatIDs: chatIDs, importID: importID, dryRun: dryRun)
            try store.emit(store.makeRecall().forget(request))
        }
    }
}
