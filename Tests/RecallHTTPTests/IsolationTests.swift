import Foundation
import NIOHTTP1
import RecallCore
import RecallHTTP
import Testing

/// One user never sees, finds, changes or forgets another's data.
@Suite struct IsolationTests {
    static let export = Data(
        #"""
        [{"id": "conv-1", "title": "Bee keeping", "create_time": 1700000000, "update_time": 1700000100, "current_node": "m2",
          "mapping": {
            "m1": {"id": "m1", "parent": null, "children": ["m2"], "message": {"id": "m1", "author": {"role": "user"}, "create_time": 1700000000, "content": {"content_type": "text", "parts": ["How do I keep zanzibar bees calm?"]}}},
            "m2": {"id": "m2", "parent": "m1", "children": [], "message": {"id": "m2", "author": {"role": "assistant"}, "create_time": 1700000050, "content": {"content_type": "text", "parts": ["Use smoke gently."]}}}
          }}]
        """#.utf8)

    @Test func twoUsersSeeOnlyTheirOwnChatsAndMemories() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try server.key("alice")
        let bob = try server.key("bob")

        let upload = try await server.send(
            .POST, "/api/upload", key: alice, body: Self.export, contentType: "application/json")
        #expect(upload.status == .ok, "\(upload.text)")
        let chatID = try #require(upload.json?["conversationId"]?.stringValue)
        let added = try await server.post(
            "/serve/api/v1/memories/add", key: alice,
            json: ["unique_id": "u1", "memories": [["role": "user", "content": "Alice's zanzibar hive is blue."]]])
        let memoryID = try #require(added.json?["data"]?.arrayValue?.first?["id"]?.stringValue)

        // Bob imports the same export: his own copy, not Alice's.
        let bobsUpload = try await server.send(
            .POST, "/api/upload", key: bob, body: Self.export, contentType: "application/json")
        let bobsChat = try #require(bobsUpload.json?["conversationId"]?.stringValue)
        #expect(bobsChat != chatID)

        #expect(try await server.get("/api/conversation/\(chatID)", key: bob).status == .notFound)
        let bobsSearch = try await server.get("/api/search?q=zanzibar", key: bob)
        let found = bobsSearch.json?["results"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(!found.isEmpty && found.allSatisfy { $0 == bobsChat })
        let bobsChats = try await server.get("/api/chat-history/chats", key: bob)
        #expect(bobsChats.json?["total"] == 1)
        let bobsMemories = try await server.get("/api/v1/memories?user_id=u1", key: bob)
        #expect(bobsMemories.json?["count"] == 0)
        #expect(try await server.get("/api/memory?query=zanzibar", key: bob).json?["count"] == 0)

        // Through MCP: Bob cannot read, change or forget Alice's memory or chat.
        for (name, arguments) in [
            ("update_memory", ["id": JSONValue.string(memoryID), "content": "Bob was here."]),
            ("forget", ["memory_ids": [JSONValue.string(memoryID)]]),
            ("forget", ["chat_ids": [JSONValue.string(chatID)]]),
            ("get_conversation", ["id": JSONValue.string(chatID)]),
        ] as [(String, [String: JSONValue])] {
            let reply = try await server.post(
                "/mcp", key: bob,
                json: [
                    "jsonrpc": "2.0", "id": 1, "method": "initialize",
                    "params": [
                        "protocolVersion": "2025-11-25", "capabilities": [:],
                        "clientInfo": ["name": "t", "version": "1"],
                    ],
                ], headers: [("Accept", "application/json")])
            let session = try #require(reply.headers.first(name: "Mcp-Session-Id"))
            let call = try await server.post(
                "/mcp", key: bob,
                json: [
                    "jsonrpc": "2.0", "id": 2, "method": "tools/call",
                    "params": ["name": .string(name), "arguments": .object(arguments)],
                ], headers: [("Accept", "application/json"), ("Mcp-Session-Id", session)])
            #expect(call.json?["result"]?["isError"] == true, "\(name)")
        }
        // Nor through resources.
        let opened = try await server.post(
            "/mcp", key: bob,
            json: [
                "jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": [
                    "protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "t", "version": "1"],
                ],
            ], headers: [("Accept", "application/json")])
        let session = try #require(opened.headers.first(name: "Mcp-Session-Id"))
        let resource = try await server.post(
            "/mcp", key: bob,
            json: [
                "jsonrpc": "2.0", "id": 2, "method": "resources/read",
                "params": ["uri": .string("recall://chat/\(chatID)")],
            ], headers: [("Accept", "application/json"), ("Mcp-Session-Id", session)])
        #expect(resource.json?["error"] != nil, "\(resource.text)")
        let listed = try await server.post(
            "/mcp", key: bob, json: ["jsonrpc": "2.0", "id": 3, "method": "resources/list"],
            headers: [("Accept", "application/json"), ("Mcp-Session-Id", session)])
        #expect(!listed.text.contains("recall://chat/\(chatID)\""), "\(listed.text)")

        // Alice still has everything, her resource included.
        let aliceOpened = try await server.post(
            "/mcp", key: alice,
            json: [
                "jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": [
                    "protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "t", "version": "1"],
                ],
            ], headers: [("Accept", "application/json")])
        let aliceSession = try #require(aliceOpened.headers.first(name: "Mcp-Session-Id"))
        let own = try await server.post(
            "/mcp", key: alice,
            json: [
                "jsonrpc": "2.0", "id": 2, "method": "resources/read",
                "params": ["uri": .string("recall://chat/\(chatID)")],
            ], headers: [("Accept", "application/json"), ("Mcp-Session-Id", aliceSession)])
        #expect(own.json?["result"]?["contents"] != nil, "\(own.text)")
        let conversation = try await server.get("/api/conversation/\(chatID)", key: alice)
        #expect(conversation.json?["messages"]?.arrayValue?.count == 2)
        #expect(try await server.get("/api/v1/memories?user_id=u1", key: alice).json?["count"] == 1)
        #expect(try server.recall.acting(as: "alice").memory(id: memoryID).content == "Alice's zanzibar hive is blue.")
        #expect(throws: RecallError.self) { try server.recall.acting(as: "bob").memory(id: memoryID) }
        #expect(try server.recall.stats().chats == 0, "the local account sees neither")
    }
}
