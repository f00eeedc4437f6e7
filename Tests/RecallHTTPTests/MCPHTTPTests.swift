import Foundation
import NIOHTTP1
import RecallCore
import RecallHTTP
import Testing

/// MCP Streamable HTTP at /mcp: sessions, JSON and SSE answers, 202 for notifications.
@Suite struct MCPHTTPTests {
    static let accept = ("Accept", "application/json, text/event-stream")

    private func initialize(_ server: TestServer, key: String) async throws -> String {
        let reply = try await server.post(
            "/mcp", key: key,
            json: [
                "jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": [
                    "protocolVersion": "2025-11-25", "capabilities": [:],
                    "clientInfo": ["name": "test", "version": "1"],
                ],
            ], headers: [Self.accept])
        #expect(reply.status == .ok)
        #expect(reply.json?["result"]?["protocolVersion"] == "2025-11-25")
        let session = try #require(reply.headers.first(name: "Mcp-Session-Id"))
        let note = try await server.post(
            "/mcp", key: key, json: ["jsonrpc": "2.0", "method": "notifications/initialized"],
            headers: [Self.accept, ("Mcp-Session-Id", session)])
        #expect(note.status == .accepted)
        return session
    }

    @Test func aSessionListsAndCallsTools() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let session = try await initialize(server, key: key)
        let headers = [Self.accept, ("Mcp-Session-Id", session), ("MCP-Protocol-Version", "2025-11-25")]
        let list = try await server.post(
            "/mcp", key: key, json: ["jsonrpc": "2.0", "id": 2, "method": "tools/list"], headers: headers)
        #expect(list.headers.first(name: "Content-Type") == "application/json")
        // Which tools, exactly, is ToolListTests' business; here the list arrives over HTTP.
        let names = list.json?["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(names.contains("search") && names.contains("add_memory"))

        let add = try await server.post(
            "/mcp", key: key,
            json: [
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
        let gone = try await server.post(
            "/mcp", key: key, json: ["jsonrpc": "2.0", "id": 4, "method": "ping"], headers: headers)
        #expect(gone.status == .notFound)
    }

    @Test func anotherUsersKeyCannotUseTheSession() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try server.key("alice")
        let bob = try server.key("bob")
        let session = try await initialize(server, key: alice)
        let reply = try await server.post(
            "/mcp", key: bob, json: ["jsonrpc": "2.0", "id": 2, "method": "tools/list"],
            headers: [Self.accept, ("Mcp-Session-Id", session)])
        #expect(reply.status == .notFound)
    }

    @Test func aDiscoverProbeWithoutItsEnvelopeIsRefusedWithoutASession() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let reply = try await server.post(
            "/mcp", key: key, json: ["jsonrpc": "2.0", "id": 1, "method": "server/discover", "params": [:]],
            headers: [Self.accept])
        #expect(reply.json?["error"]?["code"] == -32602)
        #expect(reply.status == .badRequest)
        #expect(reply.headers.first(name: "Mcp-Session-Id") == nil)
    }

    @Test func aStatelessRequestIsAnsweredWithoutASession() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let meta: JSONValue = [
            "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": [:],
        ]
        let headers = [Self.accept, ("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/list")]
        let reply = try await server.post(
            "/mcp", key: key, json: ["jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": ["_meta": meta]],
            headers: headers)
        #expect(reply.status == .ok)
        #expect(reply.json?["result"]?["resultType"] == "complete")
        #expect(reply.headers.first(name: "Mcp-Session-Id") == nil)
        let mismatch = try await server.post(
            "/mcp", key: key, json: ["jsonrpc": "2.0", "id": 2, "method": "prompts/list", "params": ["_meta": meta]],
            headers: headers)
        #expect(mismatch.status == .badRequest)
        #expect(mismatch.json?["error"]?["code"] == -32020)
    }

    @Test func importChatsRefusesPathsOverHTTP() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let session = try await initialize(server, key: key)
        let reply = try await server.post(
            "/mcp", key: key,
            json: [
                "jsonrpc": "2.0", "id": 2, "method": "tools/call",
                "params": ["name": "import_chats", "arguments": ["path": "/etc/passwd"]],
            ], headers: [("Accept", "application/json"), ("Mcp-Session-Id", session)])
        #expect(reply.json?["result"]?["isError"] == true)
        #expect(reply.text.contains("/api/upload"))
    }

    @Test func importChatsReadsOnlyTheAllowedFoldersAndNeverTheClientsRoots() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recall-http-import-" + UUID().uuidString)
        let allowed = base.appendingPathComponent("allowed")
        let elsewhere = base.appendingPathComponent("elsewhere")
        for folder in [allowed, elsewhere] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(at: base) }
        try IsolationTests.export.write(to: allowed.appendingPathComponent("conversations.json"))
        try IsolationTests.export.write(to: elsewhere.appendingPathComponent("conversations.json"))
        // A link inside the allowed folder leads out of it: the resolved path is what counts.
        try FileManager.default.createSymbolicLink(
            at: allowed.appendingPathComponent("link.json"),
            withDestinationURL: elsewhere.appendingPathComponent("conversations.json"))

        let server = try await TestServer.start { $0.importFolders = [allowed.path] }
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        // The client declares roots: over HTTP they name folders of its own machine, never this one's.
        let reply = try await server.post(
            "/mcp", key: key,
            json: [
                "jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": [
                    "protocolVersion": "2025-11-25", "capabilities": ["roots": ["listChanged": true]],
                    "clientInfo": ["name": "test", "version": "1"],
                ],
            ], headers: [Self.accept])
        let session = try #require(reply.headers.first(name: "Mcp-Session-Id"))
        let headers = [Self.accept, ("Mcp-Session-Id", session)]
        _ = try await server.post(
            "/mcp", key: key, json: ["jsonrpc": "2.0", "method": "notifications/initialized"], headers: headers)

        func importing(_ path: String, id: Int) async throws -> (result: JSONValue?, text: String) {
            let reply = try await server.post(
                "/mcp", key: key,
                json: [
                    "jsonrpc": "2.0", "id": .int(Int64(id)), "method": "tools/call",
                    "params": ["name": "import_chats", "arguments": ["path": .string(path)]],
                ], headers: headers)
            let events = reply.text.components(separatedBy: "\n\n").filter { $0.hasPrefix("event: message\ndata: ") }
            #expect(!reply.text.contains("roots/list"), "the server never asks a remote client for its roots")
            let last = try #require(events.last).dropFirst("event: message\ndata: ".count)
            return (try JSONDecoder().decode(JSONValue.self, from: Data(last.utf8))["result"], reply.text)
        }
        let inside = try await importing(allowed.appendingPathComponent("conversations.json").path, id: 2)
        #expect(inside.result?["isError"] != .bool(true), "\(inside.text)")
        #expect(inside.result?["structuredContent"]?["chats_added"] == 1)
        for (index, path) in [
            elsewhere.appendingPathComponent("conversations.json").path,
            allowed.appendingPathComponent("link.json").path, "/etc/passwd",
        ].enumerated() {
            let outside = try await importing(path, id: 3 + index)
            #expect(outside.result?["isError"] == true, "\(path)")
            #expect(outside.text.contains("outside the folders"), "\(path): \(outside.text)")
        }
    }
}
