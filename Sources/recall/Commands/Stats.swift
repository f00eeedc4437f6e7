import ArgumentParser
import RecallCore

extension RecallCommand {
    /// `recall stats`: what the store holds.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show counts by platform, memory type, bucket and tag; imports; the store's path and size."
        )

        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.emit(store.makeRecall().stats())
        }
    }
}
