import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RecallCore
import RecallHTTP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Load on `recall serve --http` over loopback: concurrent clients mixing search, add and
/// upload for a fixed time; prints throughput, errors and latency percentiles per operation,
/// then checks that every write the server acknowledged is present.
struct HTTPLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http-load",
        abstract: "Concurrent REST clients against the built recall binary on a loopback port.")

    @Option(help: "The recall executable (default: the one next to recall-bench).")
    var recall: String?

    @Option(help: "Concurrent clients (at most 200).")
    var clients = 50

    @Option(help: "How long to run, in seconds (at most 600).")
    var seconds = 30

    @Option(help: "Folder for the store.")
    var work = "Benchmarks/.out"

    func validate() throws {
        guard (1...200).contains(clients), (1...600).contains(seconds) else {
            throw ValidationError("--clients must be 1…200 and --seconds 1…600.")
        }
    }

    func run() async throws {
        let binary =
            try recall
            ?? {
                let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
                    .appendingPathComponent("recall").path
                guard FileManager.default.isExecutableFile(atPath: sibling) else {
                    throw ValidationError("No recall binary at \(sibling); pass --recall PATH.")
                }
                return sibling
            }()
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let store = (work as NSString).appendingPathComponent("http-load.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        let key = try APIKeySecret.create(in: Recall(location: .file(store)), account: "load", scope: .write).secret
        let port = try Self.freePort()
        let server = try ChildProcess(
            binary,
            [
                "serve", "--http", "127.0.0.1:\(port)", "--db", store, "--rate-limit-minute", "100000000",
                "--rate-limit-month", "100000000",
            ])
        defer {
            kill(server.pid, SIGTERM)
            _ = server.wait()
        }
        let base = "http://127.0.0.1:\(port)"
        try await Self.waitUntilUp(base, key: key)

        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds) * 1_000_000_000
        let outcomes = try await withThrowingTaskGroup(of: ClientOutcome.self) { group in
            for client in 0..<clients {
                group.addTask { try await Self.client(client, base: base, key: key, until: deadline) }
            }
            var all: [ClientOutcome] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        var byOperation: [String: Latencies] = [:]
        var errors = 0
        var acknowledged: [String] = []
        var conversations: [String] = []
        for outcome in outcomes {
            for (name, seconds) in outcome.samples { byOperation[name, default: Latencies()].append(seconds) }
            errors += outcome.errors
            acknowledged += outcome.memoryIDs
            conversations += outcome.conversationIDs
        }
        let total = byOperation.values.reduce(0) { $0 + $1.count }
        print("http-load: \(clients) clients for \(seconds) s over loopback")
        print(String(format: "requests: %d (%.0f/s), errors: %d", total, Double(total) / Double(seconds), errors))
        for (name, latencies) in byOperation.sorted(by: { $0.key < $1.key }) { print("\(name): \(latencies.summary)") }
        var all = Latencies()
        for latencies in byOperation.values { all.append(contentsOf: latencies) }
        print("all requests: \(all.summary)")

        // Every acknowledged write must be readable afterwards.
        let stored = Recall(location: .file(store)).acting(as: "load")
        var missing = 0
        for id in acknowledged where (try? stored.memory(id: id)) == nil { missing += 1 }
        for id in conversations where (try? stored.conversation(ConversationRequest(id: id, limit: 1))) == nil {
            missing += 1
        }
        print(
            "acknowledged writes: \(acknowledged.count) memories, \(conversations.count) uploads; missing afterwards: \(missing)"
        )
    }

    struct ClientOutcome: Sendable {
        var samples: [(String, Double)] = []
        var errors = 0
        var memoryIDs: [String] = []
        var conversationIDs: [String] = []
    }

    /// One client: search, add and upload in turn until the deadline.
    private static func client(_ number: Int, base: String, key: String, until deadline: UInt64) async throws
        -> ClientOutcome
    {
        var outcome = ClientOutcome()
        var step = 0
        while DispatchTime.now().uptimeNanoseconds < deadline {
            step += 1
            let operation = ["search", "add", "search", "upload"][step % 4]
            var request: HTTPClientRequest
            switch operation {
            case "search":
                request = HTTPClientRequest(url: "\(base)/api/search?q=harbour+\(step % 7)&limit=10")
            case "add":
                request = HTTPClientRequest(url: "\(base)/serve/api/v1/memories/add")
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                let body =
                    #"{"unique_id": "c\#(number)", "memories": [{"role": "user", "content": "Client \#(number) note \#(step): the harbour ferry leaves at \#(step % 24):00."}]}"#
                request.body = .bytes(ByteBuffer(string: body))
            default:
                request = HTTPClientRequest(url: "\(base)/api/upload")
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(string: Self.export(client: number, step: step)))
            }
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
                let body = try await response.body.collect(upTo: 16 << 20)
                outcome.samples.append((operation, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
                guard response.status == .ok else {
                    outcome.errors += 1
                    continue
                }
                let json = try? JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView))
                if operation == "add", let id = json?["data"]?.arrayValue?.first?["id"]?.stringValue {
                    outcome.memoryIDs.append(id)
                }
                if operation == "upload", let id = json?["conversationId"]?.stringValue {
                    outcome.conversationIDs.append(id)
                }
            } catch {
                outcome.errors += 1
            }
        }
        return outcome
    }

    /// A one-conversation ChatGPT export, unique per client and step.
    private static func export(client: Int, step: Int) -> String {
        let id = "load-\(client)-\(step)"
        return
            #"[{"id": "\#(id)", "title": "Load \#(id)", "create_time": 1700000000, "update_time": 1700000100, "current_node": "b", "mapping": {"a": {"id": "a", "parent": null, "children": ["b"], "message": {"id": "a", "author": {"role": "user"}, "create_time": 1700000000, "content": {"content_type": "text", "parts": ["When does the harbour ferry leave, \#(id)?"]}}}, "b": {"id": "b", "parent": "a", "children": [], "message": {"id": "b", "author": {"role": "assistant"}, "create_time": 1700000050, "content": {"content_type": "text", "parts": ["At nine."]}}}}}]"#
    }

    private static func waitUntilUp(_ base: String, key: String) async throws {
        for _ in 0..<300 {
            var request = HTTPClientRequest(url: "\(base)/openapi.json")
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ValidationError("The server did not answer on \(base) within 30 s.")
    }

    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw ValidationError("No free loopback port.") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
