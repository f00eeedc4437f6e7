import ArgumentParser
import Foundation
import Logging
import NIOPosix
import PostgresNIO
import RecallCore

/// The store figures side by side in one run: the same import, searches and `add_memory` calls
/// through the real `recall` binary against a SQLite file and against a PostgreSQL database on
/// each server named (one without pgvector and one with it, say), each column named by where
/// that store keeps its vectors.
struct StoreSpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stores",
        abstract: "Import, search and add_memory figures on SQLite and on PostgreSQL, side by side.")

    @Option(
        help:
            "A PostgreSQL server URL whose user may create databases (recall_bench_* are made and dropped); repeat for several servers."
    )
    var postgres: [String]

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
        guard !postgres.isEmpty else { throw ValidationError("name at least one server with --postgres") }
        let binary = try SpeedCommand.recallBinary(recall)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let probe = ServerProbe(binary: binary)
        let servers = postgres.indices
        var columns = ["sqlite"] + servers.map { "postgresql \($0 + 1)" }
        var rows: [(String, [String])] = []
        func report(_ name: String, _ figures: [String]) {
            rows.append((name, figures))
            print("\(name): " + zip(columns, figures).map { "\($0) \($1)" }.joined(separator: " | "))
        }

        let export = try SpeedCommand.exportFile(megabytes: importSize, work: work)
        let bytes = (try FileManager.default.attributesOfItem(atPath: export)[.size] as? NSNumber)?.doubleValue ?? 0
        var imports: [String] = []
        var rates: [Double] = []
        let importStores =
            try [SpeedCommand.freshStore("stores-import", work: work)]
            + servers.map { try database("import_\($0 + 1)", on: postgres[$0]) }
        for store in importStores {
            let start = DispatchTime.now().uptimeNanoseconds
            let exit = try ChildProcess(binary, ["import", "--db", store, export]).wait()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            rates.append(bytes / 1e6 / seconds)
            imports.append(
                String(
                    format: "%.1f s, %.1f MB/s, peak RSS %d MiB%@", seconds, bytes / 1e6 / seconds,
                    exit.peakRSSKiB / 1024, exit.status == 0 ? "" : " (exit status \(exit.status))"))
        }
        // Each PostgreSQL column named by where its store keeps vectors (pgvector or bytea).
        for server in servers {
            let stats = try Recall(location: StoreLocation.resolve(explicit: importStores[server + 1])).stats()
            columns[server + 1] = "postgresql (\(stats.vectorStorage))"
        }
        report("recall import, \(importSize) MB ChatGPT export", imports)
        report("import rate ÷ SQLite's", rates.map { String(format: "%.2f", $0 / rates[0]) })

        let sizes = storeSizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let stores =
            try [SpeedCommand.freshStore("stores-search", work: work)]
            + servers.map { try database("search_\($0 + 1)", on: postgres[$0]) }
        var fillers = stores.map { store in
            StoreFiller(location: StoreLocation.resolve(explicit: store))
        }
        for size in sizes.sorted() {
            var searches: [String] = []
            var lexical: [String] = []
            var adds: [String] = []
            for (index, store) in stores.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                try fillers[index].grow(to: size)
                if fillers[index].memories < memories { try fillers[index].addMemories(upTo: memories) }
                print(
                    String(
                        format: "(%@ grown to %d messages in %.1f s)", columns[index], fillers[index].messages,
                        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
                let session = try probe.session(store: store)
                var text = SyntheticText(seed: UInt64(size))
                let first = try Latencies.once { try session.call("search", ["query": "warm up"]) }
                if index > 0, columns[index].contains("pgvector") {
                    // The first search started the HNSW builds in the background; time the
                    // searches that use them, as a server that has been up a while serves them.
                    let waited = try waitForVectorIndexes(store)
                    print(String(format: "(%@ HNSW indexes ready after %.1f s)", columns[index], waited))
                }
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
                // Words alone (--no-semantic): the store's own share, without encoding the question.
                let words = try probe.session(store: store, extra: ["--no-semantic"])
                _ = try words.call("search", ["query": "warm up"])
                var wordLatencies = Latencies()
                for _ in 0..<calls {
                    let query = text.query()
                    _ = try wordLatencies.time { try words.call("search", ["query": query]) }
                }
                lexical.append(wordLatencies.summary)
                _ = words.close()
            }
            report("search, \(size) messages", searches)
            report("search by words alone (--no-semantic), \(size) messages", lexical)
            report("add_memory, \(size) messages", adds)
        }
        print("\n| Figure | " + columns.joined(separator: " | ") + " |")
        print("|---|" + String(repeating: "---|", count: columns.count))
        for (name, figures) in rows { print("| \(name) | " + figures.joined(separator: " | ") + " |") }
    }

    /// A new, empty database `recall_bench_<name>` on a server; its URL.
    private func database(_ name: String, on postgres: String) throws -> String {
        guard var components = URLComponents(string: postgres) else {
            throw ValidationError("--postgres is not a URL")
        }
        let database = "recall_bench_\(name)"
        try onServer(postgres) { connection, logger in
            for sql in ["DROP DATABASE IF EXISTS \(database) WITH (FORCE)", "CREATE DATABASE \(database)"] {
                _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
            }
        }
        components.path = "/" + database
        return components.string ?? postgres
    }

    /// Waits until the database's HNSW indexes (messages and memories) are valid; seconds waited.
    private func waitForVectorIndexes(_ url: String) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        let query = """
            SELECT count(*)::bigint FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE c.relname LIKE '%vectors_near_%' AND i.indisvalid
            """
        while true {
            var ready: Int64 = 0
            try onServer(url) { connection, logger in
                let rows = try connection.query(PostgresQuery(unsafeSQL: query), logger: logger).wait()
                ready = try rows.first?.decode(Int64.self) ?? 0
            }
            let waited = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if ready >= 2 { return waited }
            guard waited < 1_800 else { throw ValidationError("the HNSW indexes were not ready after 30 minutes") }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    /// Runs `body` on one connection to the database a URL names.
    private func onServer(_ url: String, _ body: (PostgresConnection, Logger) throws -> Void) throws {
        guard let components = URLComponents(string: url) else { throw ValidationError("--postgres is not a URL") }
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
        try body(connection, logger)
    }
}
