import ArgumentParser
import Foundation
import RecallCore

/// Searches (or lists memories of) a store in this process: every query once to warm it (the first call of a path
/// pays one-time costs a running server has already paid), then `--measured` more rounds.
///
/// `recall-bench instructions` runs it under callgrind with 0 and with 1 measured round; the
/// difference is what a warm server spends on those queries.
struct SearchProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-probe",
        abstract: "Warm up, then run searches in this process (for instruction counts).",
        shouldDisplay: false)

    @Option(help: "The store.")
    var db: String

    @Option(help: "A file of queries, one per line.")
    var queries: String

    @Option(help: "all, memories or messages.")
    var scope = "all"

    @Flag(help: "Words alone.")
    var noSemantic = false

    @Flag(help: "Call list_memories (a page of 10) once per query line instead of searching.")
    var listing = false

    @Option(help: "Rounds over the queries after the warm-up.")
    var measured = 0

    func run() throws {
        let recall = Recall(location: .file(db), semantic: noSemantic ? .off : .embedded)
        let lines = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n").map(String.init)
        guard let scope = SearchScope(rawValue: scope) else { throw ValidationError("No scope \(scope).") }
        var found = 0
        for _ in 0...measured {
            for query in lines {
                if listing {
                    found += try recall.listMemories(MemoryListRequest(limit: 10)).memories.count
                } else {
                    found += try recall.search(SearchRequest(query: query, scope: scope, limit: 10)).results.count
                }
            }
        }
        print("\(found) hits")
    }
}
