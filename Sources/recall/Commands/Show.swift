import ArgumentParser
import RecallCore

extension RecallCommand {
    /// `recall show`: read one conversation.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a conversation's messages, a page at a time.")

        @OptionGroup var store: StoreOptions

        @Argument(
            help: ArgumentHelp(
                "The chat to show (from `recall chats` or `recall search`), or a message (msg_…), to open its chat around it.",
                valueName: "id"))
        var chatID: String

        @Option(help: "The first message to show (from 0).")
        var offset = 0

        @Option(help: "Messages to show (\(Limits.conversationMessages.span)).")
        var limit = 50

        @Option(help: ArgumentHelp("Open the chat at this message instead of --offset.", valueName: "message-id"))
        var around: String?

        @Option(help: "With --around: messages to show before it.")
        var before = 3

        @Option(help: "With --around: messages to show after it.")
        var after = 3

        @Flag(help: "Also show reasoning, tool traffic and system prompts.")
        var includeHidden = false

        func validate() throws {
            guard offset >= 0 else { throw ValidationError("--offset cannot be negative.") }
            try Limits.conversationMessages.check(limit, option: "--limit")
            guard before >= 0, after >= 0 else { throw ValidationError("--before and --after cannot be negative.") }
        }

        func run() throws {
            let request = ConversationRequest(
                id: chatID, offset: offset, limit: limit, aroundMessageID: around, before: before, after: after,
                includeHidden: includeHidden
            )
            try store.emit(store.makeRecall().conversation(request))
        }
    }
}
