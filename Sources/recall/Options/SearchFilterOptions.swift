import ArgumentParser
import RecallCore

/// The filters `search` and `context` share; each one narrows, none is required.
struct SearchFilterOptions: ParsableArguments {
    @Option(help: "Only chats from this platform.")
    var platform: Platform?

    @Option(name: .customLong("chat"), help: ArgumentHelp("Only this chat.", valueName: "chat-id"))
    var chatID: String?

    @Option(help: "Only this bucket.")
    var bucket: String?

    @Option(name: .customLong("tag"), help: "Only items carrying this tag (repeat for several).")
    var tags: [String] = []

    @Option(name: .customLong("type"), help: "Only memories of this type.")
    var memoryType: MemoryType?

    @Option(name: .customLong("user"), help: ArgumentHelp("The user namespace of memories.", valueName: "user-id"))
    var userID: String?

    @Option(help: ArgumentHelp("Only items from this date (yyyy-MM-dd or ISO-8601).", valueName: "date"))
    var from: DateArgument?

    @Option(help: ArgumentHelp("Only items up to this date, inclusive.", valueName: "date"))
    var to: DateArgument?

    /// The filters as Core takes them.
    var filters: SearchFilters {
        SearchFilters(
            platform: platform, chatID: chatID, bucket: bucket, tags: tags, memoryType: memoryType,
            userID: userID, dateFrom: from?.date, dateTo: to?.upperBound
        )
    }
}
