import ArgumentParser
import Foundation
import RecallCore

/// Instructions, not seconds: the hot paths run under `valgrind --tool=callgrind`, whose counts
/// repeat for the same binary and input whatever else the machine is doing, so a change can be
/// judged without a quiet machine.
///
/// A search figure is one `recall search` process less the same process searching, by words
/// alone, for a word found nowhere: start-up and opening the store are not counted, but what a
/// running server pays once (loading vectors, first use of each code path) is. `recall serve`
/// itself does not run under valgrind 3.19, which crashes on its dispatch thread.
struct InstructionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instructions",
        abstract: "Instruction counts (valgrind callgrind) of import and search by the built recall binary."
    )

    @Option(help: "The recall executable (default: the one next to recall-bench).")
    var recall: String?

    @Option(help: "Folder for generated exports and stores; they are reused between runs.")
    var work = "Benchmarks/.out"

    @Option(help: "Size of the export to import, in MB (0 skips the import figure).")
    var importSize = 10

    @Option(help: "Messages in the search store.")
    var messages = 100_000

    @Option(help: "Memories in the search store.")
    var memories = 2_000

    @Option(help: "Queries per search figure (a process each).")
    var calls = 20

    func run() throws {
        guard Callgrind.available else {
            throw ValidationError("valgrind is not installed (apt-get install valgrind).")
        }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let binary = try Callgrind.prepare(try SpeedCommand.recallBinary(recall), work: work)
        if importSize > 0 {
            let export = try SpeedCommand.exportFile(megabytes: importSize, work: work)
            let store = try SpeedCommand.freshStore("callgrind-import", work: work)
            let total = try Callgrind.count(binary, ["import", "--db", store, export], work: work)
            print("recall import, \(importSize) MB ChatGPT export: \(Self.format(total)) instructions")
        }
        let store = (work as NSString).appendingPathComponent("callgrind-search-\(messages)-\(memories).sqlite")
        let label = "\(messages) messages + \(memories) memories"
        // Filled once; a store left by an earlier run of the same size is reused.
        let filled = store + ".filled"
        if !FileManager.default.fileExists(atPath: filled) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
            var filler = StoreFiller(path: store)
            try filler.grow(to: messages)
            try filler.addMemories(upTo: memories)
            FileManager.default.createFile(atPath: filled, contents: Data())
        }
        var text = SyntheticText(seed: 11)
        let queries = (0..<calls).map { _ in text.query() }
        // Start-up and opening the store: the same process with a word found nowhere, words alone.
        let base = try Callgrind.count(
            binary, ["search", "--db", store, "--json", "--no-semantic", Self.absentWord], work: work)
        print("recall search, start-up and opening the store: \(Self.format(base)) instructions")
        for mode in [["--no-semantic"], []] {
            let modeLabel = mode.isEmpty ? "semantic" : "--no-semantic"
            for scope in ["all", "memories"] {
                var each: [Int] = []
                for query in queries {
                    let search = ["search", "--db", store, "--json", "--scope", scope] + mode + [query]
                    each.append(try Callgrind.count(binary, search, work: work) - base)
                }
                each.sort()
                print(
                    "recall search --scope \(scope), \(label), \(modeLabel): median \(Self.format(each[each.count / 2])), "
                        + "max \(Self.format(each.last ?? 0)) instructions above that (\(calls) queries)")
            }
        }
    }

    /// A word no generated text holds.
    private static let absentWord = "qzxvqzxv"

    private static func format(_ count: Int) -> String {
        count >= 1_000_000 ? String(format: "%.1fM", Double(count) / 1e6) : String(format: "%.0fk", Double(count) / 1e3)
    }
}
