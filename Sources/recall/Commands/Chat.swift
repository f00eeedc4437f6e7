import ArgumentParser
import RecallCore

extension RecallCommand {
    /// `recall chat`: rename, pin, move or tag a chat, as the `update_chat` tool does.
    struct Chat: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename, pin, move or tag a chat.",
            discussion: "A new title survives later imports of the same chat."
        )

        @OptionGroup var store: StoreOptions

        @Argument(
            help: ArgumentHelp("The chat to change (from `recall chats` or `recall search`).", valueName: "chat-id"))
        var chatID: String

        @Option(help: "The new title; \"\" goes back to the export's own.")
        var title: String?

        @Flag(inversion: .prefixedNo, help: "Pin it (--pin) or unpin it (--no-pin).")
        var pin: Bool?

        @Option(help: "Move it to this bucket; \"\" takes it out of its bucket.")
        var bucket: String?

        @Option(name: .customLong("tag"), help: "A tag; the tags given replace the old ones (repeat for several).")
        var tags: [String] = []

        @Flag(help: "Remove every tag.")
        var clearTags = false

        func validate() throws {
            guard title != nil || pin != nil || bucket != nil || !tags.isEmpty || clearTags else {
                throw ValidationError("Say what to change: --title, --pin, --no-pin, --bucket, --tag or --clear-tags.")
            }
            guard tags.isEmpty || !clearTags else { throw ValidationError("Give --tag or --clear-tags, not both.") }
        }

        func run() throws {
            let update = ChatUpdate(
                id: chatID, title: title, pinned: pin, bucket: bucket,
                tags: clearTags ? [] : (tags.isEmpty ? nil : tags))
            try store.emit(store.makeRecall().updateChat(update))
        }
    }
}
