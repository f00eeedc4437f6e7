import ArgumentParser
import Foundation
import RecallCore

extension RecallCommand {
    /// `recall search`: ranked search over memories and messages.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Search memories and chat messages.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "What to look for; plain words work.")
        var query: [String]

        @Option(help: "Where to look.")
        var scope: SearchScope = .all

        @OptionGroup var filters: SearchFilterOptions

        @Option(help: "Results per page (\(Limits.searchResultsPerPage.span)).")
        var limit = 10

        @Option(help: "The cursor a previous page printed, to read the next page.")
        var cursor: String?

        func validate() throws {
            guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("Give something to search for.")
            }
            try Limits.searchResultsPerPage.check(limit, option: "--limit")
        }

        func run() throws {
            let request = SearchRequest(
                query: query.joined(separator: " "), scope: scope, filters: filters.filters, limit: limit,
                cursor: cursor
            )
            try store.emit(store.makeRecall().search(request))
        }
    }
}
