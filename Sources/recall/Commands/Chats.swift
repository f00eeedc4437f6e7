import ArgumentParser
import RecallCore

extension RecallCommand {
    /// `recall chats`: list imported conversations.
    struct Chats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List imported chats, pinned first, then newest.")

        @OptionGroup var store: StoreOptions

        @Option(help: "The page to show (from 1).")
        var page = 1

        @Option(help: "Chats per page (\(Limits.chatsPerPage.span)).")
        var pageSize = 20

        @Option(help: "Only chats from this platform.")
        var platform: Platform?

        @Option(help: "Only chats whose title contains this.")
        var title: String?

        @Option(help: ArgumentHelp("Only chats updated from this date.", valueName: "date"))
        var from: DateArgument?

        @Option(help: ArgumentHelp("Only chats updated up to this date, inclusive.", valueName: "date"))
        var to: DateArgument?

        @Flag(help: "Only pinned chats.")
        var pinned = false

        @Option(
            name: .customLong("import"),
            help: ArgumentHelp("Only chats this import brought in.", valueName: "import-id"))
        var importID: String?

        @Option(help: "Only this bucket.")
        var bucket: String?

        func validate() throws {
            guard page >= 1 else { throw ValidationError("--page starts at 1.") }
            try Limits.chatsPerPage.check(pageSize, option: "--page-size")
        }

        func run() throws {
            let request = ChatListRequest(
                page: page, pageSize: pageSize, platform: platform, title: title, dateFrom: from?.date,
                dateTo: to?.upperBound, pinnedOnly: pinned, importID: importID, bucket: bucket
            )
            try store.emit(store.makeRecall().listChats(request))
        }
    }
}
