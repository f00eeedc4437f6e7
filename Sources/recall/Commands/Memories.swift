import ArgumentParser
import RecallCore

extension RecallCommand {
    /// `recall memories`: list saved memories, newest first.
    struct Memories: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List memories, newest first (or oldest).")

        @OptionGroup var store: StoreOptions

        @Option(help: "Memories per page (\(Limits.memoriesPerPage.span)).")
        var limit = 20

        @Option(help: "The cursor a previous page printed, to read the next page.")
        var cursor: String?

        @Option(help: "Which end to start from.")
        var order: ListOrder = .newest

        @Option(name: .customLong("type"), help: "Only memories of this type.")
        var memoryType: MemoryType?

        @Option(help: ArgumentHelp("Only memories at least this confident (0–1).", valueName: "value"))
        var minConfidence: Double?

        @Option(help: "Only this bucket.")
        var bucket: String?

        @Option(name: .customLong("tag"), help: "Only memories carrying this tag (repeat for several).")
        var tags: [String] = []

        @Option(name: .customLong("user"), help: ArgumentHelp("The user namespace.", valueName: "user-id"))
        var userID: String?

        @Option(help: ArgumentHelp("Only memories stored from this date.", valueName: "date"))
        var since: DateArgument?

        @Option(help: ArgumentHelp("Only memories stored up to this date, inclusive.", valueName: "date"))
        var until: DateArgument?

        @Flag(help: "Include memories that a newer version replaced.")
        var includeSuperseded = false

        func validate() throws {
            try Limits.memoriesPerPage.check(limit, option: "--limit")
            if let minConfidence, !(0...1).contains(minConfidence) {
                throw ValidationError("--min-confidence must be between 0 and 1.")
            }
        }

        func run() throws {
            let request = MemoryListRequest(
                limit: limit, cursor: cursor, order: order, memoryType: memoryType, minConfidence: minConfidence,
                bucket: bucket, tags: tags, userID: userID, since: since?.date, until: until?.upperBound,
                includeSuperseded: includeSuperseded
            )
            try store.emit(store.makeRecall().listMemories(request))
        }
    }
}
