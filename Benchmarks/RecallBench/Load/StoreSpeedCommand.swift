import ArgumentParser
import Foundation
import Logging
import NIOPosix
import PostgresNIO
import RecallCore

/// The store figures side by side in one run: the same import, searches and `add_memory` calls
/// through the real `recall` binary against a SQLite file and against a PostgreSQL database.
struct StoreSpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stores",
        abstract: "Import, search and add_memory figures on SQLite and on PostgreSQL, side by side.")

    @Option(help: "A PostgreSQL server URL whose user may create databases (recall_bench_* are made and dropped).")
    var postgres: String

    @Option(help: "The recall executable (default: the one next to recall-bench).")
    var recall: String?

    @Option(help: "Folder for generated exports and SQLite stores.")
    var work = "Benchmarks/.out"

    @Option(help: "Export size to import, in MB.")
    var importSize = 100

    @Option(help: "Store sizes to search, in messages (comma-separated).")
    var storeSizes = "100000,1000000"

    @Option(help: "Memories in the search stores.")
    var memories = 2_000

    @Option(help: "Timed calls per search or add_memory figure.")
    var calls = 200

    func run() throws {
        let binary = try SpeedCommand.recallBinary(recall)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let probe = ServerProbe(binary: binary)
        var rows: [(String, String, String)] = []
        func report(_ name: String, _ sqlite: String, _ postgres: String) {
            rows.append((name, sqlite, postgres))
            print("\(name): sqlite \(sqlite) | postgresql \(postgres)")
        }

        let export = try SpeedCommand.exportFile(megabytes: importSize, work: work)
        let bytes = (try FileManager.default.attributesOfItem(atPath: export)[.size] as? NSNumber)?.doubleValue ?? 0
        var imports: [String] = []
        var rates: [Double] = []
        for store in [try SpeedCommand.freshStore("stores-import", work: work), try database("import")] {
            let start = DispatchTime.now().uptimeNanoseconds
            let exit = try ChildProcess(binary, ["import", "--db", store, export]).wait()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            rates.append(bytes / 1e6 / seconds)
            imports.append(
                String(
                    format: "%.1f s, %.1f MB/s, peak RSS %d MiB%@", seconds, bytes / 1e6 / seconds,
                    exit.peakRSSKiB / 1024, exit.status == 0 ? "" : " (exit status \(exit.status))"))
        }
        report("recall import, \(importSize) MB ChatGPT export", imports[0], imports[1])
        report("import rate, PostgreSQL ÷ SQLite", "1.00", String(format: "%.2f", rates[1] / rates[0]))

        let sizes = storeSizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let stores = [try SpeedCommand.freshStore("stores-search", work: work), try database("search")]
        var fillers = stores.map { store in
            StoreFiller(location: StoreLocation.resolve(explicit: store))
        }
        for size in sizes.sorted() {
            var searches: [String] = []
            var adds: [String] = []
            for (index, store) in stores.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                try fillers[index].grow(to: size)
                if fillers[index].memories < memories { try fillers[index].addMemories(upTo: memories) }
                print(
                    String(
                        format: "(%@ grown to %d messages in %.1f s)", index == 0 ? "sqlite" : "postgresql",
                        fillers[index].messages, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
                let session = try probe.session(store: store)
                var text = SyntheticText(seed: UInt64(size))
                let first = try Latencies.once { try session.call("search", ["query": "warm up"]) }
                var latencies = Latencies()
                for _ in 0..<calls {
                    let query = text.query()
                    _ = try latencies.time { try session.call("search", ["query": query]) }
                }
                searches.append(latencies.summary + String(format: ", first %.0f ms", first))
                var added = Latencies()
                for call in 0..<calls {
                    let content = "Benchmark memory \(call): " + text.sentence(12)
                    _ = try added.time { try session.call("add_memory", ["content": content]) }
                }
                adds.append(added.summary)
                _ = session.close()
            }
            report("search, \(size) messages", searches[0], searches[1])
            report("add_memory, \(size) messages", adds[0], adds[1])
        }
        print("\n| Figure | SQLite | PostgreSQL |\n|---|---|---|")
        for (name, sqlite, postgres) in rows { print("| \(name) | \(sqlite) | \(postgres) |") }
    }

    /// A new, empty database `recall_bench_<name>` on the server; its URL.
    private func database(_ name: String) throws -> String {
        guard var components = URLComponents(string: postgres) else {
            throw ValidationError("--postgres is not a URL")
        }
        let database = "recall_bench_\(name)"
        let configuration = PostgresConnection.Configuration(
            host: components.host ?? "127.0.0.1", port: components.port ?? 5432,
            username: components.user ?? "postgres", password: components.password,
            database: String(components.path.dropFirst()).isEmpty ? "postgres" : String(components.path.dropFirst()),
            tls: .disable)
        let logger = Logger(label: "recall.bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
        ).wait()
        defer { try? connection.close().wait() }
        for sql in ["DROP DATABASE IF EXISTS \(database) WITH (FORCE)", "CREATE DATABASE \(database)"] {
            _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
        }
        components.path = "/" + database
        return components.string ?? postgres
    }
}
