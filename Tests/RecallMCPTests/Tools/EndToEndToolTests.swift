import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallMCP

/// The tools on real data, through the whole server, as the façade documents them.
///
/// They need RecallCore's store; until it lands the façade throws "not available yet".
@Suite(.eachStore) struct EndToEndToolTests {
    /// A tiny ChatGPT export: one conversation, two turns on the active branch.
    static let chatGPTExport = """
        [{"title":"Trip to Lyon","create_time":1714555800.0,"update_time":1714556000.0,"id":"conv-1","current_node":"n2",
          "mapping":{
            "root":{"id":"root","message":null,"parent":null,"children":["n1"]},
            "n1":{"id":"n1","parent":"root","children":["n2"],"message":{"id":"n1","author":{"role":"user"},"create_time":1714555800.0,
                  "content":{"content_type":"text","parts":["I am planning a trip to Lyon in June with my sister Claire."]}}},
            "n2":{"id":"n2","parent":"n1","children":[],"message":{"id":"n2","author":{"role":"assistant"},"create_time":1714555860.0,
                  "content":{"content_type":"text","parts":["Lyon is lovely in June; try a bouchon in the old town."]}}}
          }}]
        """

    private func structured(_ response: JSONValue) -> JSONValue? {
        #expect(response["result"]?["isError"] == .bool(false), "\(response)")
        return response["result"]?["structuredContent"]
    }

    @Test func addListSearchUpdateForgetAMemory() async throws {
        let client = TestClient()
        await client.initialize()
        let added = structured(
            await client.callTool(
                "add_memory",
                .object(["content": .string("The user prefers green tea."), "tags": .array([.string("drinks")])]),
                id: .int(1)))
        let id = try #require(added?["memories"]?[0]?["id"])
        #expect(added?["added"] == .int(1))

        let listed = structured(await client.callTool("list_memories", .object(["limit": .int(10)]), id: .int(2)))
        #expect(listed?["memories"]?[0]?["content"] == .string("The user prefers green tea."))
        #expect(listed?["total"] == .int(1))

        let found = structured(
            await client.callTool(
                "search", .object(["query": .string("green tea"), "scope": .string("memories")]), id: .int(3)))
        #expect(found?["results"]?[0]?["kind"] == .string("memory"))
        #expect(found?["results"]?[0]?["id"] == id)

        let updated = structured(
            await client.callTool(
                "update_memory", .object(["id": id, "content": .string("The user prefers oolong tea.")]), id: .int(4)))
        #expect(updated?["supersedes"] == id)
        let newID = try #require(updated?["id"])

        let preview = structured(
            await client.callTool(
                "forget", .object(["memory_ids": .array([newID]), "dry_run": .bool(true)]), id: .int(5)))
        // Forgetting a memory forgets the version it superseded too.
        #expect(preview?["dry_run"] == .bool(true) && preview?["memories_deleted"] == .int(2))
        let gone = structured(await client.callTool("forget", .object(["memory_ids": .array([newID])]), id: .int(6)))
        #expect(gone?["memories_deleted"] == .int(2))
        let stats = structured(await client.callTool("memory_stats", nil, id: .int(7)))
        #expect(stats?["memories"] == .int(0))
        _ = await client.finish()
    }

    @Test func importBrowseReadAndSearchAChat() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-mcp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("conversations.json")
        try Data(Self.chatGPTExport.utf8).write(to: file)

        let client = TestClient()
        await client.initialize()
        client.send(
            TestClient.toolCall(
                "import_chats", .object(["path": .string(file.path)]), id: .int(1),
                meta: .object(["progressToken": .string("imp")])))
        var response: JSONValue?
        while let message = await client.next() {
            if message["id"] == .int(1) {
                response = message
                break
            }
            #expect(message["method"] == .string("notifications/progress"))
        }
        let summary = structured(try #require(response))
        #expect(summary?["platform"] == .string("chatgpt"))
        #expect(summary?["chats_added"] == .int(1) && summary?["messages_added"] == .int(2))

        let chats = structured(await client.callTool("list_chats", nil, id: .int(2)))
        let chatID = try #require(chats?["items"]?[0]?["id"])
        #expect(chats?["items"]?[0]?["title"] == .string("Trip to Lyon"))

        let hits = structured(
            await client.callTool(
                "search", .object(["query": .string("bouchon"), "scope": .string("messages")]), id: .int(3)))
        let hit = try #require(hits?["results"]?[0])
        #expect(hit["chat_id"] == chatID && hit["source_message_id"] == .string("n2"))

        let around = structured(
            await client.callTool(
                "get_conversation",
                .object(["id": chatID, "around_message_id": hit["id"] ?? .null, "before": .int(1), "after": .int(0)]),
                id: .int(4)))
        #expect(around?["messages"]?.arrayValue?.count == 2)

        let pinned = structured(
            await client.callTool("update_chat", .object(["id": chatID, "pinned": .bool(true)]), id: .int(5)))
        #expect(pinned?["pinned"] == .bool(true))

        let uri = "recall://chat/\(chatID.stringValue ?? "")"
        let read = await client.request("resources/read", params: .object(["uri": .string(uri)]), id: .int(6))
        #expect(read["result"]?["contents"]?[0]?["text"]?.stringValue?.contains("# Trip to Lyon") == true)

        let context = structured(
            await client.callTool("get_context", .object(["query": .string("Lyon trip")]), id: .int(7)))
        #expect(context?["context"]?.stringValue?.isEmpty == false)

        let reimport = structured(
            await client.callTool("import_chats", .object(["path": .string(file.path)]), id: .int(8)))
        #expect(reimport?["chats_added"] == .int(0) && reimport?["chats_unchanged"] == .int(1))
        _ = await client.finish()
    }

    @Test func missingThingsAreNamed() async {
        let client = TestClient()
        await client.initialize()
        let missing = await client.callTool("get_conversation", .object(["id": .string("chat_404")]), id: .int(1))
        #expect(missing["result"]?["isError"] == .bool(true))
        #expect(missing["result"]?["content"]?[0]?["text"]?.stringValue?.contains("chat_404") == true)
        let resource = await client.request(
            "resources/read", params: .object(["uri": .string("recall://memory/mem_404")]), id: .int(2))
        #expect(resource["error"]?["code"] == .int(-32002))
        _ = await client.finish()
    }

    @Test func memoryResourceAndPromptOnRealData() async throws {
        let client = TestClient()
        await client.initialize()
        let added = structured(
            await client.callTool(
                "add_memory", .object(["content": .string("The user's dog is called Biscuit.")]), id: .int(1)))
        let id = try #require(added?["memories"]?[0]?["id"]?.stringValue)
        let read = await client.request(
            "resources/read", params: .object(["uri": .string("recall://memory/\(id)")]), id: .int(2))
        let text = read["result"]?["contents"]?[0]?["text"]?.stringValue ?? ""
        #expect(TestClient.parse(text)?["content"] == .string("The user's dog is called Biscuit."))
        let prompt = await client.request(
            "prompts/get",
            params: .object(["name": .string("recall_context"), "arguments": .object(["topic": .string("dog")])]),
            id: .int(3))
        #expect(prompt["result"]?["messages"]?[0]?["content"]?["text"]?.stringValue?.contains("Biscuit") == true)
        _ = await client.finish()
    }
}
