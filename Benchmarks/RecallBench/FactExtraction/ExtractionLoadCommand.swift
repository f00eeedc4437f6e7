import ArgumentParser
import Foundation

/// `extract_memories` over a whole large import, through `recall serve` as a client calls it:
/// how long it takes, how much memory the server needs, how often it reports progress, and how
/// long a `search` sent meanwhile waits for its answer.
///
/// Figures are printed, never judged.
struct ExtractionLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction-load",
        abstract: "Extraction over a large import while searches arrive: time, peak memory, search latency.")

    @Option(help: "The recall executable (default: the one next to recall-bench).")
    var recall: String?

    @Option(help: "Folder for the generated export and store; the export is reused between runs.")
    var work = "Benchmarks/.out"

    @Option(help: "Size of the generated ChatGPT export, in MB (230 MB holds about 144,000 messages).")
    var megabytes = 230

    @Option(help: "Milliseconds between searches sent while the extraction runs.")
    var probeInterval = 250

    func run() throws {
        let binary = try SpeedCommand.recallBinary(recall)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let export = (work as NSString).appendingPathComponent("chatgpt-facts-\(megabytes)MB.json")
        if !FileManager.default.fileExists(atPath: export) {
            let written = try ChatGPTExportWriter.write(megabytes: megabytes, to: export, facts: true)
            print("(generated \(export): \(written.conversations) conversations, \(written.messages) messages)")
        }
        let store = (work as NSString).appendingPathComponent("extraction-load.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        let importStart = DispatchTime.now().uptimeNanoseconds
        let imported = try ChildProcess(binary, ["import", "--db", store, export]).wait()
        print(
            String(
                format: "import: %.1f s (CPU %.1f s), exit status %d", Self.seconds(since: importStart),
                imported.cpuSeconds, imported.status))

        let server = try ChildProcess(binary, ["serve", "--db", store, "--log-level", "error"], talk: true)
        server.send(ServerProbe.initialize)
        _ = server.readLine()
        server.send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        let start = DispatchTime.now().uptimeNanoseconds
        server.send(
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"extract_memories","arguments":{"import_id":"imp_1"},"_meta":{"progressToken":"x"}}}"#
        )
        var watch = Watch()
        var searches = Latencies()
        var nextID = 100
        var peakSampleKiB = 0
        while watch.extraction == nil {
            nextID += 1
            let query =
                #"{"jsonrpc":"2.0","id":\#(nextID),"method":"tools/call","params":{"name":"search","arguments":{"query":"green tea"}}}"#
            let sent = DispatchTime.now().uptimeNanoseconds
            server.send(query)
            guard watch.read(server, until: nextID) else { break }
            searches.append(Self.seconds(since: sent))
            peakSampleKiB = max(peakSampleKiB, server.currentRSSKiB())
            if watch.extraction == nil { usleep(useconds_t(probeInterval * 1000)) }
        }
        let extractSeconds = watch.extractionSeconds(since: start)
        let exit = server.wait()
        print(
            String(
                format:
                    "extract_memories over imp_1: %.1f s, peak RSS %d MiB (server CPU time in all, searches included: %.1f s)",
                extractSeconds, exit.peakRSSKiB / 1024, exit.cpuSeconds))
        print("result: \(watch.resultSummary)")
        print("progress notifications: \(watch.progressCount)")
        print(
            "searches answered while it ran: \(searches.summary), longest \(String(format: "%.0f ms", searches.percentile(1)))"
        )
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// What the server has said so far: progress, and the extraction's answer.
    private struct Watch {
        var progressCount = 0
        var extraction: [String: Any]?
        var extractionEnd: UInt64?

        /// Reads messages until the response to `id`; false when the server stopped first.
        mutating func read(_ server: ChildProcess, until id: Int) -> Bool {
            while let line = server.readLine() {
                guard let message = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                    continue
                }
                if message["method"] as? String == "notifications/progress" {
                    progressCount += 1
                } else if message["id"] as? Int == 1 {
                    extraction = message
                    extractionEnd = DispatchTime.now().uptimeNanoseconds
                } else if message["id"] as? Int == id {
                    return true
                }
            }
            return false
        }

        func extractionSeconds(since start: UInt64) -> Double {
            Double((extractionEnd ?? start) - start) / 1e9
        }

        /// The counts the extraction reported, or its error.
        var resultSummary: String {
            let result = extraction?["result"] as? [String: Any]
            guard let structured = result?["structuredContent"] as? [String: Any] else {
                let text =
                    ((result?["content"] as? [[String: Any]])?.first?["text"] as? String) ?? "\(extraction ?? [:])"
                return String(text.prefix(300))
            }
            let keys = ["messages_scanned", "candidates_found", "added", "merged", "superseded"]
            return keys.compactMap { key in structured[key].map { "\(key) \($0)" } }.joined(separator: ", ")
        }
    }
}
