import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RecallCore
import RecallHTTP

/// A real server on an ephemeral loopback port over a fresh store, and a client for it.
final class TestServer: Sendable {
    let recall: Recall
    let port: Int
    private let task: Task<Void, any Error>
    let folder: URL

    private init(recall: Recall, port: Int, task: Task<Void, any Error>, folder: URL) {
        self.recall = recall
        self.port = port
        self.task = task
        self.folder = folder
    }

    /// Starts a server; `configure` adjusts the settings (limits, origins).
    ///
    /// Words alone by default: these tests are about HTTP, and the embedded transformer is slow in
    /// a debug build (search by meaning per account is tested in RecallCoreTests).
    static func start(semantic: SemanticSearch = .off, _ configure: (inout HTTPSettings) -> Void = { _ in })
        async throws -> TestServer
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recall-http-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let recall = Recall(location: .file(folder.appendingPathComponent("recall.sqlite").path), semantic: semantic)
        var settings = HTTPSettings(port: 0)
        configure(&settings)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = RecallHTTPServer(recall: recall, settings: settings, version: "test")
        let task = Task { try await server.runUntilCancelled { port in continuation.yield(port) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return TestServer(recall: recall, port: port, task: task, folder: folder)
    }

    /// Stops the server and removes its store.
    func stop() async {
        task.cancel()
        _ = await task.result
        try? FileManager.default.removeItem(at: folder)
    }

    /// Makes a key for a user and returns it.
    func key(_ user: String, scope: APIKey.Scope = .write, perMinute: Int? = nil, perMonth: Int? = nil) throws -> String
    {
        try APIKeySecret.create(in: recall, account: user, scope: scope, perMinute: perMinute, perMonth: perMonth)
            .secret
    }

    /// One response: status, headers and body.
    struct Reply {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: Data

        /// The body as JSON.
        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: body) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends a request with an optional key and body.
    func send(
        _ method: HTTPMethod, _ path: String, key: String?, body: Data? = nil,
        contentType: String? = "application/json",
        headers extra: [(String, String)] = []
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return Reply(status: response.status, headers: response.headers, body: Data(buffer.readableBytesView))
    }

    /// GET with a key.
    func get(_ path: String, key: String?) async throws -> Reply {
        try await send(.GET, path, key: key)
    }

    /// POST of a JSON value with a key.
    func post(_ path: String, key: String?, json: JSONValue, headers: [(String, String)] = []) async throws -> Reply {
        try await send(.POST, path, key: key, body: try JSONEncoder().encode(json), headers: headers)
    }
}
