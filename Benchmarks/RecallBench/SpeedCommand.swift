import ArgumentParser
import Foundation
import RecallCore

/// The speed figures of the README: start-up, import throughput and memory, search and
/// `add_memory` latency, idle memory. Everything runs the real `recall` binary as a separate
/// process, as clients do; figures are printed, never judged.
struct SpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speed",
        abstract: "Start-up, import, search and add_memory figures of the built recall binary.")

    @Option(help: "The recall executable (default: the one next to recall-bench).")
    var recall: String?

    @Option(help: "Folder for generated exports and stores; large files are reused between runs.")
    var work = "Benchmarks/.out"

    @Option(help: "Export sizes to import, in MB (comma-separated).", transform: Self.integers)
    var importSizes: [Int] = [10, 100, 500]

    @Option(help: "Export sizes to import and extract memories from, in MB (comma-separated).", transform: Self.integers)
    var extractSizes: [Int] = [10]

    @Option(help: "Store sizes to search, in messages (comma-separated).", transform: Self.integers)
    var storeSizes: [Int] = [10_000, 100_000, 1_000_000]

    @Option(help: "Timed calls per search or add_memory figure.")
    var calls = 300

    @Option(help: "Spawns per start-up figure.")
    var spawns = 20

    func run() throws {
        let binary = try recallBinary()
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let probe = ServerProbe(binary: binary)
        var rows: [(String, String)] = []
        func report(_ name: String, _ value: String) {
            rows.append((name, value))
            print("\(name): \(value)")
        }

        let empty = try freshStore("empty")
        let startup = try probe.startup(store: empty, count: spawns)
        report("spawn → initialize answered, empty store", startup.latencies.summary)
        report("idle RSS of recall serve after initialize", "\(startup.idleRSSKiB / 1024) MiB")

        for size in importSizes {
            let export = try exportFile(megabytes: size)
            let store = try freshStore("import-\(size)MB")
            let bytes = (try FileManager.default.attributesOfItem(atPath: export)[.size] as? NSNumber)?.doubleValue ?? 0
            let start = DispatchTime.now().uptimeNanoseconds
            let exit = try ChildProcess(binary, ["import", "--db", store, export]).wait()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let outcome = exit.status == 0 ? "" : " (exit status \(exit.status))"
            report("recall import, \(size) MB ChatGPT export",
                   String(format: "%.1f s, %.1f MB/s, peak RSS %d MiB%@", seconds, bytes / 1e6 / seconds, exit.peakRSSKiB / 1024, outcome))
        }

        for size in extractSizes {
            let export = try exportFile(megabytes: size)
            // As `recall import --extract` runs it: import, then judge and store each chat's facts.
            let together = try freshStore("import-extract-\(size)MB")
            let (importing, imported) = try timedJSON(binary, ["import", "--db", together, "--extract", "--json", export])
            let messages = imported["messages_added"].count
            report("recall import --extract, \(size) MB ChatGPT export",
                   String(format: "%.1f s, %.0f messages/s, %d memories", importing, Double(messages) / importing, imported["memories_extracted"].count))
            // Extraction alone, through the store: messages read back, judged, deduplicated and stored.
            let apart = try freshStore("extract-\(size)MB")
            let (_, plain) = try timedJSON(binary, ["import", "--db", apart, "--json", export])
            let importID = plain["import_id"]?.stringValue ?? ""
            let (extracting, extracted) = try timedJSON(binary, ["extract", "--db", apart, "--import", importID, "--json"])
            let scanned = extracted["messages_scanned"].count
            report("recall extract, \(size) MB import",
                   String(format: "%.1f s, %.0f messages/s (%d messages, %d kept, %d dropped)", extracting, Double(scanned) / extracting, scanned,
                          extracted["added"].count, extracted["dropped"].count))
        }

        let searchStore = try freshStore("search")
        var filler = StoreFiller(path: searchStore)
        for size in storeSizes.sorted() {
            let start = DispatchTime.now().uptimeNanoseconds
            try filler.grow(to: size)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(String(format: "(store grown to %d messages in %.1f s)", filler.messages, seconds))
            let session = try probe.session(store: searchStore)
            var text = SyntheticText(seed: UInt64(size))
            try session.call("search", ["query": "warm up"])
            var latencies = Latencies()
            for _ in 0..<calls {
                let query = text.query()
                _ = try latencies.time { try session.call("search", ["query": query]) }
            }
            report("search, \(Self.count(filler.messages)) messages", latencies.summary)
            if size == storeSizes.max() {
                var adds = Latencies()
                for index in 0..<calls {
                    let content = "Benchmark memory \(index): " + text.sentence(12)
                    _ = try adds.time { try session.call("add_memory", ["content": content, "tags": ["bench"]]) }
                }
                report("add_memory, \(Self.count(filler.messages)) messages", adds.summary)
                report("peak RSS of recall serve after these calls", "\(session.close() / 1024) MiB")
                let large = try probe.startup(store: searchStore, count: spawns)
                report("spawn → initialize answered, \(Self.count(filler.messages)) messages", large.latencies.summary)
            } else {
                _ = session.close()
            }
        }

        print("\n| Figure | Measured |\n|---|---|")
        for (name, value) in rows { print("| \(name) | \(value) |") }
    }

    /// Runs the binary to completion; the seconds it took and the JSON object it printed.
    private func timedJSON(_ binary: String, _ arguments: [String]) throws -> (Double, JSONValue) {
        let start = DispatchTime.now().uptimeNanoseconds
        let child = try ChildProcess(binary, arguments, talk: true)
        var lines: [String] = []
        while let line = child.readLine() { lines.append(line) }
        let exit = child.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard exit.status == 0, let value = try? JSONDecoder().decode(JSONValue.self, from: Data(lines.joined(separator: "\n").utf8)) else {
            throw ValidationError("recall \(arguments.first ?? "") failed (exit status \(exit.status))")
        }
        return (seconds, value)
    }

    private func recallBinary() throws -> String {
        if let recall { return recall }
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("recall").path
        guard FileManager.default.isExecutableFile(atPath: sibling) else {
            throw ValidationError("No recall binary at \(sibling); build it (swift build -c release --product recall) or pass --recall PATH.")
        }
        return sibling
    }

    /// A store path with nothing at it yet.
    private func freshStore(_ name: String) throws -> String {
        let path = (work as NSString).appendingPathComponent("\(name).sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return path
    }

    /// A generated export of `megabytes` MB, reused when an earlier run left it.
    private func exportFile(megabytes: Int) throws -> String {
        let path = (work as NSString).appendingPathComponent("chatgpt-\(megabytes)MB.json")
        if !FileManager.default.fileExists(atPath: path) {
            let written = try ChatGPTExportWriter.write(megabytes: megabytes, to: path)
            print("(generated \(path): \(written.conversations) conversations, \(written.messages) messages)")
        }
        return path
    }

    private static func integers(_ text: String) throws -> [Int] {
        try text.split(separator: ",").map { part in
            guard let value = Int(part.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("`\(part)` is not a number") }
            return value
        }
    }

    private static func count(_ messages: Int) -> String {
        messages >= 1_000_000 ? "\(messages / 1_000_000)M" : messages >= 1_000 ? "\(messages / 1_000)k" : "\(messages)"
    }
}

extension Optional where Wrapped == JSONValue {
    /// A whole number printed by the binary, or 0.
    fileprivate var count: Int {
        if case .int(let value)? = self { return Int(value) }
        return 0
    }
}
