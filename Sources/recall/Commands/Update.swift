import ArgumentParser
import RecallCore

extension RecallCommand {
    /// `recall update`: change a memory, as the `update_memory` tool does.
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a memory's content, tags, bucket, type or pin.",
            discussion: "New content supersedes the memory: the old version stays, linked to the new one."
        )

        @OptionGroup var store: StoreOptions

        @Argument(
            help: ArgumentHelp(
                "The memory to change (from `recall memories` or `recall search`).", valueName: "memory-id"))
        var memoryID: String

        @Option(help: ArgumentHelp("The new content; `-` reads it from stdin.", valueName: "text"))
        var content: String?

        @Option(name: .customLong("tag"), help: "A tag; the tags given replace the old ones (repeat for several).")
        var tags: [String] = []

        @Flag(help: "Remove every tag.")
        var clearTags = false

        @Option(help: "Move it to this bucket; \"\" takes it out of its bucket.")
        var bucket: String?

        @Option(name: .customLong("type"), help: "The new type.")
        var memoryType: MemoryType?

        @Flag(inversion: .prefixedNo, help: "Pin it (--pin) or unpin it (--no-pin).")
        var pin: Bool?

        func validate() throws {
            guard content != nil || !tags.isEmpty || clearTags || bucket != nil || memoryType != nil || pin != nil
            else {
                throw ValidationError(
                    "Say what to change: --content, --tag, --clear-tags, --bucket, --type, --pin or --no-pin.")
            }
            guard tags.isEmpty || !clearTags else { throw ValidationError("Give --tag or --clear-tags, not both.") }
        }

        func run() throws {
            let update = MemoryUpdate(
                id: memoryID, content: try content.map { $0 == "-" ? try InputFile.readText("-") : $0 },
                tags: clearTags ? [] : (tags.isEmpty ? nil : tags), bucket: bucket, memoryType: memoryType, pinned: pin
            )
            try store.emit(store.makeRecall().updateMemory(update))
        }
    }
}
