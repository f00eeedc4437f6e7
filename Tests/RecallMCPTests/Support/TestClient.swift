import Foundation
import RecallCore
import RecallTestSupport
import Synchronization

@testable import RecallMCP

/// A scripted MCP client talking to a server in the same process through `InMemoryTransport`.
///
/// Messages are matched by id, not by "next line", because notifications may come first.
/// Everything waits on the server's own output; nothing sleeps.
final class TestClient: Sendable {
    let transport = InMemoryTransport()
    let inbox = Inbox()
    private let server: Task<Void, Never>
    private let reader: Task<Void, Never>

    /// Starts a server over `recall` with the standard tools plus `extraTools`; `import_chats`
    /// may read in `importFolders` (the temporary folder, where tests write their exports).
    init(
        recall: Recall = .testStore(), extraTools: [any RecallTool] = [],
        importFolders: [String] = [FileManager.default.temporaryDirectory.path], importTimeLimit: TimeInterval = 600
    ) {
        let server = RecallServer(
            recall: recall, version: "9.9.9-test", tools: ToolRegistry.standardTools + extraTools,
            importFolders: importFolders, importTimeLimit: importTimeLimit)
        let transport = self.transport
        let inbox = self.inbox
        self.server = Task { await server.run(transport: transport) }
        self.reader = Task {
            for await line in transport.output { await inbox.append(line) }
            await inbox.finish()
        }
    }

    /// Writes raw bytes, exactly as given (no line ending added).
    func writeRaw(_ text: String) {
        transport.write(text)
    }

    /// Writes one message followed by LF.
    func send(_ message: JSONValue) {
        transport.write(Self.encode(message) + "\n")
    }

    /// Sends a request and waits for the response with the same id.
    @discardableResult
    func request(_ method: String, params: JSONValue? = nil, id: JSONValue = .int(1)) async -> JSONValue {
        send(Self.request(method, params: params, id: id))
        return await response(id: id)
    }

    /// Sends a notification.
    func notify(_ method: String, params: JSONValue? = nil) {
        var object: [String: JSONValue] = ["jsonrpc": .string("2.0"), "method": .string(method)]
        if let params { object["params"] = params }
        send(.object(object))
    }

    /// Waits for the response carrying `id` (a result or an error).
    func response(id: JSONValue) async -> JSONValue {
        await inbox.take { message in
            message["id"] == id && message["method"] == nil
        } ?? .null
    }

    /// Waits for the next message, whatever it is; nil once the server has stopped.
    func next() async -> JSONValue? {
        await inbox.take { _ in true }
    }

    /// Performs the handshake with a protocol version and optional client capabilities.
    @discardableResult
    func initialize(version: String = "2025-11-25", capabilities: JSONValue = .object([:])) async -> JSONValue {
        let response = await request(
            "initialize",
            params: .object([
                "protocolVersion": .string(version), "capabilities": capabilities,
                "clientInfo": .object(["name": .string("test-client"), "version": .string("1.0")]),
            ]),
            id: .string("init"))
        notify("notifications/initialized")
        return response
    }

    /// Calls a tool and returns the `tools/call` response.
    func callTool(_ name: String, _ arguments: JSONValue? = nil, id: JSONValue = .int(1), meta: JSONValue? = nil) async
        -> JSONValue
    {
        send(Self.toolCall(name, arguments, id: id, meta: meta))
        return await response(id: id)
    }

    /// Closes the client's input, waits for the server to stop, and returns what it wrote but
    /// nobody took yet.
    func finish() async -> [JSONValue] {
        transport.closeInput()
        await server.value
        await reader.value
        return await inbox.remaining()
    }

    /// A request object.
    static func request(_ method: String, params: JSONValue? = nil, id: JSONValue) -> JSONValue {
        var object: [String: JSONValue] = ["jsonrpc": .string("2.0"), "id": id, "method": .string(method)]
        if let params { object["params"] = params }
        return .object(object)
    }

    /// A `tools/call` request object.
    static func toolCall(_ name: String, _ arguments: JSONValue?, id: JSONValue, meta: JSONValue? = nil) -> JSONValue {
        var params: [String: JSONValue] = ["name": .string(name)]
        if let arguments { params["arguments"] = arguments }
        if let meta { params["_meta"] = meta }
        return request("tools/call", params: .object(params), id: id)
    }

    /// Compact JSON text.
    static func encode(_ value: JSONValue) -> String {
        (try? WireJSON.string(value)) ?? "null"
    }

    /// Parses JSON text.
    static func parse(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}

/// Everything the server wrote, in order, taken out by whoever waits for it.
actor Inbox {
    private var pending: [JSONValue] = []
    private(set) var rawLines: [String] = []
    private var finished = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func append(_ line: String) {
        rawLines.append(line)
        pending.append(TestClient.parse(line) ?? .string("unparseable: \(line)"))
        wake()
    }

    func finish() {
        finished = true
        wake()
    }

    /// Removes and returns the first message matching `match`, waiting for it if needed; nil when
    /// the server stopped without writing one.
    func take(_ match: @Sendable (JSONValue) -> Bool) async -> JSONValue? {
        while true {
            if let index = pending.firstIndex(where: match) { return pending.remove(at: index) }
            if finished { return nil }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    /// What nobody took.
    func remaining() -> [JSONValue] {
        defer { pending = [] }
        return pending
    }

    private func wake() {
        let current = waiters
        waiters = []
        for waiter in current { waiter.resume() }
    }
}
