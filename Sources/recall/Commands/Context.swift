import ArgumentParser
import Foundation
import RecallCore

extension RecallCommand {
    /// `recall context`: a ready-to-paste block about a topic.
    struct Context: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a context block about a topic: the best memories, then cited excerpts."
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: "The topic or question.")
        var query: [String]

        @Option(help: "The most tokens the block may take (\(Limits.contextTokens.span)).")
        var maxTokens = 2000

        @OptionGroup var filters: SearchFilterOptions

        func validate() throws {
            guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("Give a topic.")
            }
            try Limits.contextTokens.check(maxTokens, option: "--max-tokens")
        }

        func run() throws {
            let request = ContextRequest(
                query: query.joined(separator: " "), maxTokens: maxTokens, filters: filters.filters)
            try store.emit(store.makeRecall().context(request))
        }
    }
}
