import Foundation
import NIOHTTP1
import RecallCore
import RecallHTTP
import Testing

/// MCP Streamable HTTP at /mcp: sessions, JSON and SSE answers, 202 for notifications.
@Suite struct MCPHTTPTests {
    static let accept = ("Accept", "application/json, text/event-stream")

    private func initialize(_ server: TestServer, key: String) async throws -> String {
        let reply = try await server.post("/mcp", key: key, json: [
            "jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": ["protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "test", "version": "1"]],
        ], headers: [Self.accept])
        #expect(reply.status == .ok)
        #expect(reply.json?["result"]?["protocolVersion"] == "2025-11-25")
        let session = try #require(reply.headers.first(name: "Mcp-Session-Id"))
        let note = try await server.post("/mcp", key: key, json: ["jsonrpc": "2.0", "method": "notifications/initialized"], headers: [Self.accept, ("Mcp-Session-Id", session)])
        #expect(note.status == .accepted)
        return session
    }

    @Test func aSessionListsAndCallsTools() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let session = try await initialize(server, key: key)
        let headers = [Self.accept, ("Mcp-Session-Id", session), ("MCP-Protocol-Version", "2025-11-25")]
        let list = try await server.post("/mcp", key: key, json: ["jsonrpc": "2.0", "id": 2, "method": "tools/list"], headers: headers)
        #expect(list.headers.first(name: "Content-Type") == "application/json")
        #expect(list.json?["result"]?["tools"]?.arrayValue?.count == 12)

        let add = try await server.post("/mcp", key: key, json: [
            "jsonrpc": "2.0", "id": 3, "method": "tools/call",
            "params": ["name": "add_memory", "arguments": ["content": "Alice keeps bees in Bergen."]],
        ], headers: headers)
        #expect(add.headers.first(name: "Content-Type") == "text/event-stream")
        let events = add.text.components(separatedBy: "\n\n").filter { $0.hasPrefix("event: message\ndata: ") }
        let last = try #require(events.last).dropFirst("event: message\ndata: ".count)
        let message = try JSONDecoder().decode(JSONValue.self, from: Data(last.utf8))
        #expect(message["id"] == 3)
        #expect(message["result"]?["isError"] != .bool(true))

        #expect(try await server.send(.GET, "/mcp", key: key, headers: headers).status == .methodNotAllowed)
        #expect(try await server.send(.DELETE, "/mcp", key: key, headers: headers).status == .noContent)
        let gone = try await server.post("/mcp", key: key, json: ["jsonrpc": "2.0", "id": 4, "method": "ping"], headers: headers)
        #expect(gone.status == .notFound)
    }

    @Test func anotherUsersKeyCannotUseTheSession() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try server.key("alice")
        let bob = try server.key("bob")
        let session = try await initialize(server, key: alice)
        let reply = try await server.post("/mcp", key: bob, json: ["jsonrpc": "2.0", "id": 2, "method": "tools/list"], headers: [Self.accept, ("Mcp-Session-Id", session)])
        #expect(reply.status == .notFound)
    }

    @Test func aDiscoverProbeWithoutSessionGetsMethodNotFound() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let reply = try await server.post("/mcp", key: key, json: ["jsonrpc": "2.0", "id": 1, "method": "server/discover", "params": [:]], headers: [Self.accept])
        #expect(reply.json?["error"]?["code"] == -32601)
        #expect(reply.headers.first(name: "Mcp-Session-Id") == nil)
    }

    @Test func importChatsRefusesPathsOverHTTP() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let session = try await initialize(server, key: key)
        let reply = try await server.post("/mcp", key: key, json: [
            "jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": ["name": "import_chats", "arguments": ["path": "/etc/passwd"]],
        ], headers: [("Accept", "application/json"), ("Mcp-Session-Id", session)])
        #expect(reply.json?["result"]?["isError"] == true)
        #expect(reply.text.contains("/api/upload"))
    }
}
