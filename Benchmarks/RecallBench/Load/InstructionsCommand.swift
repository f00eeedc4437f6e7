import ArgumentParser
import Foundation
import RecallCore

/// Instructions, not seconds: the hot paths run under `valgrind --tool=callgrind`, whose counts
/// repeat for the same binary and input whatever else the machine is doing, so a change can be
/// judged without a quiet machine.
///
/// A call's figure is the difference of two in-process runs on the same store — the calls once to
/// warm up, and the same followed by one measured round — so start-up, opening the store and
/// one-time costs are not counted. (`recall serve` parks its main thread in `dispatch_main`,
/// which valgrind 3.19 cannot run; `recall-bench search-probe` calls the same core.)
struct InstructionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instructions",
        abstract: "Instruction counts (valgrind callgrind) of import, search and list_memories."
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

    @Option(help: "Calls per figure.")
    var calls = 20

    func run() throws {
        guard Callgrind.available else {
            throw ValidationError("valgrind is not installed (apt-get install valgrind).")
        }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let binary = try Callgrind.prepare(try SpeedCommand.recallBinary(recall), work: work, name: "recall-callgrind")
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
        let queries = (work as NSString).appendingPathComponent("callgrind-queries.txt")
        try (0..<calls).map { _ in text.query() }.joined(separator: "\n").write(
            toFile: queries, atomically: true, encoding: .utf8)
        // This benchmark's own binary runs the calls in-process, warm, as a server would.
        let probe = try Callgrind.prepare(CommandLine.arguments[0], work: work, name: "recall-bench-callgrind")
        let figures: [(String, [String])] = [
            ("search", []), ("search --scope memories", ["--scope", "memories"]),
            ("list_memories, limit 10", ["--listing"]),
        ]
        for mode in [["--no-semantic"], []] {
            for (name, extra) in figures {
                let arguments = ["search-probe", "--db", store, "--queries", queries] + extra + mode
                let warm = try Callgrind.count(probe, arguments, work: work)
                let total = try Callgrind.count(probe, arguments + ["--measured", "1"], work: work)
                print(
                    "\(name), \(label), \(mode.isEmpty ? "semantic" : "--no-semantic"): "
                        + "\(Self.format((total - warm) / calls)) instructions per call (mean of \(calls), warm)")
            }
        }
    }

    private static func format(_ count: Int) -> String {
        count >= 1_000_000 ? String(format: "%.1fM", Double(count) / 1e6) : String(format: "%.0fk", Double(count) / 1e3)
    }
}
