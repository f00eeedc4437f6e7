import ArgumentParser
import RecallCore

extension RecallCommand {
    /// `recall extract`: run fact extraction over chats, an import or text.
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract memories from chats, an import, or text.",
            discussion:
                "Use --dry-run to review each candidate and what storing it would do (new, duplicate, known, supersedes, older) without storing anything."
        )

        @OptionGroup var store: StoreOptions

        @Option(
            name: .customLong("chat"), help: ArgumentHelp("A chat to read (repeat for several).", valueName: "chat-id"))
        var chatIDs: [String] = []

        @Option(
            name: .customLong("import"), help: ArgumentHelp("An import whose chats to read.", valueName: "import-id"))
        var importID: String?

        @Option(help: ArgumentHelp("Text to read as one user message; `-` reads stdin.", valueName: "text"))
        var text: String?

        @Option(
            name: .customLong("user"), help: ArgumentHelp("The user namespace to store into.", valueName: "user-id"))
        var userID: String?

        @Flag(help: "Show the candidates; store nothing.")
        var dryRun = false

        func validate() throws {
            guard !chatIDs.isEmpty || importID != nil || text != nil else {
                throw ValidationError("Name what to read: --chat, --import or --text.")
            }
        }

        func run() throws {
            let input = try text.map { $0 == "-" ? try InputFile.readText("-") : $0 }
            // The terminal lists every candidate; the counts cover them all either way.
            let request = ExtractRequest(
                chatIDs: chatIDs, importID: importID, text: input, dryRun: dryRun, userID: userID, listLimit: nil)
            try store.emit(store.makeRecall().extractMemories(request))
        }
    }
}
