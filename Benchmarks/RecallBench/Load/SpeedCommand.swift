import ArgumentParser
import Foundation
import RecallCore

/// The speed figures of the README: start-up, import throughput and memory, search and
/// `add_memory` latency, peak memory.
///
/// Everything runs the real `recall` binary as a separate
/// process, as clients do, once with semantic search (the default) and once with
/// `--no-semantic`, side by side; figures are printed, never judged.
struct SpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speed",
        abstract:
            "Start-up, import, search and add_memory figures of the built recall binary, with and without semantic search."
    )

    @Option(help: "The recall executable (default: the one next to recall-bench).")
    var recall: String?

    @Option(help: "Folder for generated exports and stores; large files are reused between runs.")
    var work = "Benchmarks/.out"

    @Option(help: "Export sizes to import, in MB (comma-separated).", transform: Self.integers)
    var importSizes: [Int] = [10, 100]

    @Option(
        help: "Export sizes to import and extract memories from, in MB (comma-separated).", transform: Self.integers)
    var extractSizes: [Int] = [10]

    @Option(help: "Store sizes to search, in messages (comma-separated).", transform: Self.integers)
    var storeSizes: [Int] = [10_000, 100_000]

    @Option(help: "Memories in the search store (saved with add_memory's path before the first size is measured).")
    var memories = 10_000

    @Option(help: "Timed calls per search or add_memory figure.")
    var calls = 300

    @Option(help: "Spawns per start-up figure.")
    var spawns = 20

    /// The two ways the server runs: the default, and words alone.
    private static let modes: [(label: String, arguments: [String])] = [
        ("semantic", []), ("--no-semantic", ["--no-semantic"]),
    ]

    func run() throws {
        let binary = try Self.recallBinary(recall)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let probe = ServerProbe(binary: binary)
        var rows: [(String, [String])] = []
        func report(_ name: String, _ values: [String]) {
            rows.append((name, values))
            print("\(name): " + zip(Self.modes, values).map { "\($0.label) \($1)" }.joined(separator: " | "))
        }
        // A figure that the semantic switch does not change (extraction) fills both columns.
        func report(_ name: String, _ value: String) {
            rows.append((name, [value, "same"]))
            print("\(name): \(value)")
        }

        let empty = try freshStore("empty")
        var startups: [String] = []
        var idle: [String] = []
        for mode in Self.modes {
            let startup = try probe.startup(store: empty, count: spawns, extra: mode.arguments)
            startups.append(startup.latencies.summary)
            idle.append("\(startup.idleRSSKiB / 1024) MiB")
        }
        report("spawn → initialize answered, empty store", startups)
        report("idle RSS of recall serve after initialize", idle)

        for size in importSizes {
            let export = try exportFile(megabytes: size)
            let bytes = (try FileManager.default.attributesOfItem(atPath: export)[.size] as? NSNumber)?.doubleValue ?? 0
            // The floor to compare with: Python's json.load reading the same file into memory.
            let floor = try Self.jsonLoadSeconds(export)
            let floorRate = bytes / 1e6 / floor
            report(
                "python3 json.load, \(size) MB ChatGPT export", String(format: "%.2f s, %.1f MB/s", floor, floorRate))
            var figures: [String] = []
            var again: [String] = []
            for mode in Self.modes {
                let store = try freshStore("import-\(size)MB")
                let (seconds, exit) = try timed(binary, ["import", "--db", store, export] + mode.arguments)
                let outcome = exit.status == 0 ? "" : " (exit status \(exit.status))"
                figures.append(
                    String(
                        format: "%.1f s, %.1f MB/s, %.2f× json.load, peak RSS %d MiB%@", seconds, bytes / 1e6 / seconds,
                        bytes / 1e6 / seconds / floorRate, exit.peakRSSKiB / 1024, outcome))
                // The same file again into the same store: every chat is unchanged.
                let (reseconds, reexit) = try timed(binary, ["import", "--db", store, export] + mode.arguments)
                again.append(
                    String(
                        format: "%.2f s, %.0f MB/s, peak RSS %d MiB%@", reseconds, bytes / 1e6 / reseconds,
                        reexit.peakRSSKiB / 1024, reexit.status == 0 ? "" : " (exit status \(reexit.status))"))
            }
            report("recall import, \(size) MB ChatGPT export", figures)
            report("recall import again, same file and store, \(size) MB", again)
        }

        for size in extractSizes {
            let export = try exportFile(megabytes: size)
            // As `recall import --extract` runs it: import, then judge and store each chat's facts.
            let together = try freshStore("import-extract-\(size)MB")
            let (importing, imported) = try timedJSON(
                binary, ["import", "--db", together, "--extract", "--json", export])
            let messages = imported["messages_added"].count
            report(
                "recall import --extract, \(size) MB ChatGPT export",
                String(
                    format: "%.1f s, %.0f messages/s, %d memories", importing, Double(messages) / importing,
                    imported["memories_extracted"].count))
            // Extraction alone, through the store: messages read back, judged, deduplicated and stored.
            let apart = try freshStore("extract-\(size)MB")
            let (_, plain) = try timedJSON(binary, ["import", "--db", apart, "--json", export])
            let importID = plain["import_id"]?.stringValue ?? ""
            let (extracting, extracted) = try timedJSON(
                binary, ["extract", "--db", apart, "--import", importID, "--json"])
            let scanned = extracted["messages_scanned"].count
            report(
                "recall extract, \(size) MB import",
                String(
                    format: "%.1f s, %.0f messages/s (%d messages, %d kept, %d dropped)", extracting,
                    Double(scanned) / extracting, scanned,
                    extracted["added"].count, extracted["dropped"].count))
        }

        let searchStore = try freshStore("search")
        var filler = StoreFiller(path: searchStore)
        for size in storeSizes.sorted() {
            let start = DispatchTime.now().uptimeNanoseconds
            try filler.grow(to: size)
            if filler.memories < memories { try filler.addMemories(upTo: memories) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(
                String(
                    format: "(store grown to %d messages and %d memories in %.1f s)", filler.messages, filler.memories,
                    seconds))
            let label = "\(Self.count(filler.messages)) messages + \(Self.count(filler.memories)) memories"
            var searches: [String] = []
            var adds: [String] = []
            var peaks: [String] = []
            var large: [String] = []
            for mode in Self.modes {
                let session = try probe.session(store: searchStore, extra: mode.arguments)
                var text = SyntheticText(seed: UInt64(size))
                // The first search loads the store's vectors; it is timed apart.
                let first = try Latencies.once { try session.call("search", ["query": "warm up"]) }
                var latencies = Latencies()
                for _ in 0..<calls {
                    let query = text.query()
                    _ = try latencies.time { try session.call("search", ["query": query]) }
                }
                searches.append(latencies.summary + String(format: ", first %.0f ms", first))
                if size == storeSizes.max() {
                    var added = Latencies()
                    for index in 0..<calls {
                        let content = "Benchmark memory \(index): " + text.sentence(12)
                        _ = try added.time { try session.call("add_memory", ["content": content, "tags": ["bench"]]) }
                    }
                    adds.append(added.summary)
                    peaks.append("\(session.close() / 1024) MiB")
                    large.append(
                        try probe.startup(store: searchStore, count: spawns, extra: mode.arguments).latencies.summary)
                } else {
                    _ = session.close()
                }
            }
            report("search, \(label)", searches)
            if size == storeSizes.max() {
                report("add_memory, \(label)", adds)
                report("peak RSS of recall serve after these calls", peaks)
                report("spawn → initialize answered, \(label)", large)
            }
        }

        print(
            "\n| Figure | " + Self.modes.map(\.label).joined(separator: " | ") + " |\n|---|"
                + Self.modes.map { _ in "---|" }.joined())
        for (name, values) in rows { print("| \(name) | " + values.joined(separator: " | ") + " |") }
    }

    /// Runs the binary to completion, its output discarded; the seconds it took and how it ended.
    private func timed(_ binary: String, _ arguments: [String]) throws -> (Double, ChildProcess.Exit) {
        let start = DispatchTime.now().uptimeNanoseconds
        let exit = try ChildProcess(binary, arguments).wait()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, exit)
    }

    /// Seconds `python3 -c "import json,sys; json.load(open(sys.argv[1]))"` takes on `path`
    /// (the best of three, as the file is then in the page cache for the import too).
    private static func jsonLoadSeconds(_ path: String) throws -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let exit = try ChildProcess(
                "/usr/bin/env", ["python3", "-c", "import json,sys; json.load(open(sys.argv[1]))", path]
            ).wait()
            guard exit.status == 0 else { throw ValidationError("python3 could not json.load \(path)") }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// Runs the binary to completion; the seconds it took and the JSON object it printed.
    private func timedJSON(_ binary: String, _ arguments: [String]) throws -> (Double, JSONValue) {
        let start = DispatchTime.now().uptimeNanoseconds
        let child = try ChildProcess(binary, arguments, talk: true)
        var lines: [String] = []
        while let line = child.readLine() { lines.append(line) }
        let exit = child.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard exit.status == 0,
            let value = try? JSONDecoder().decode(JSONValue.self, from: Data(lines.joined(separator: "\n").utf8))
        else {
            throw ValidationError("recall \(arguments.first ?? "") failed (exit status \(exit.status))")
        }
        return (seconds, value)
    }

    /// `recall` when given, else the binary next to recall-bench.
    static func recallBinary(_ recall: String?) throws -> String {
        if let recall { return recall }
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "recall"
        ).path
        guard FileManager.default.isExecutableFile(atPath: sibling) else {
            throw ValidationError(
                "No recall binary at \(sibling); build it (swift build -c release --product recall) or pass --recall PATH."
            )
        }
        return sibling
    }

    /// A store path with nothing at it yet.
    private func freshStore(_ name: String) throws -> String { try Self.freshStore(name, work: work) }

    /// A store path under `work` with nothing at it yet.
    static func freshStore(_ name: String, work: String) throws -> String {
        let path = (work as NSString).appendingPathComponent("\(name).sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return path
    }

    /// A generated export of `megabytes` MB, reused when an earlier run left it.
    private func exportFile(megabytes: Int) throws -> String { try Self.exportFile(megabytes: megabytes, work: work) }

    /// A generated export of `megabytes` MB under `work`, reused when an earlier run left it.
    static func exportFile(megabytes: Int, work: String) throws -> String {
        let path = (work as NSString).appendingPathComponent("chatgpt-\(megabytes)MB.json")
        if !FileManager.default.fileExists(atPath: path) {
            let written = try ChatGPTExportWriter.write(megabytes: megabytes, to: path)
            print("(generated \(path): \(written.conversations) conversations, \(written.messages) messages)")
        }
        return path
    }

    private static func integers(_ text: String) throws -> [Int] {
        try text.split(separator: ",").map { part in
            guard let value = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("`\(part)` is not a number")
            }
            return value
        }
    }

    private static func count(_ items: Int) -> String {
        items >= 1_000_000 ? "\(items / 1_000_000)M" : items >= 1_000 ? "\(items / 1_000)k" : "\(items)"
    }
}

extension Optional where Wrapped == JSONValue {
    /// A whole number printed by the binary, or 0.
    fileprivate var count: Int {
        if case .int(let value)? = self { return Int(value) }
        return 0
    }
}
