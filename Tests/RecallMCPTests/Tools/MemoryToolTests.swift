import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallMCP

/// The memory model through the MCP tools: provenance from a chat to its memories and back,
/// supersession, filters, paging and every field a memory keeps.
@Suite(.eachStore) struct MemoryToolTests {
    /// A ChatGPT export: one chat whose user turn states two facts, one a plan with a month.
    static let export = """
        [{"title":"Trip to Lyon","create_time":1714555800.0,"update_time":1714556000.0,"id":"conv-1","current_node":"n3",
          "mapping":{
            "root":{"id":"root","message":null,"parent":null,"children":["n1"]},
            "n1":{"id":"n1","parent":"root","children":["n2"],"message":{"id":"n1","author":{"role":"user"},"create_time":1714555800.0,
                  "content":{"content_type":"text","parts":["I'm planning a trip to Lyon in June with my sister Claire. I live in Geneva."]}}},
            "n2":{"id":"n2","parent":"n1","children":["n3"],"message":{"id":"n2","author":{"role":"assistant"},"create_time":1714555860.0,
                  "content":{"content_type":"text","parts":["Lyon is lovely in June; since you live in Geneva, the train is easiest."]}}},
            "n3":{"id":"n3","parent":"n2","children":[],"message":{"id":"n3","author":{"role":"user"},"create_time":1714555900.0,
                  "content":{"content_type":"text","parts":["Should I book a bouchon?"]}}}
          }}]
        """

    private func ok(_ response: JSONValue) -> JSONValue? {
        #expect(response["result"]?["isError"] == .bool(false), "\(response)")
        return response["result"]?["structuredContent"]
    }

    private func errorText(_ response: JSONValue) -> String {
        #expect(response["result"]?["isError"] == .bool(true), "\(response)")
        return response["result"]?["content"]?[0]?["text"]?.stringValue ?? ""
    }

    private func withExport(_ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-memory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("conversations.json")
        try Data(Self.export.utf8).write(to: file)
        try await body(file.path)
    }

    @Test func provenanceLeadsFromAMemoryBackToTheTurnThatStatesIt() async throws {
        try await withExport { path in
            let client = TestClient()
            await client.initialize()
            let summary = ok(
                await client.callTool(
                    "import_chats", .object(["path": .string(path), "extract": .bool(true)]), id: .int(1)))
            #expect(summary?["memories_extracted"] == .int(2))

            let listed = ok(await client.callTool("list_memories", .object(["order": .string("oldest")]), id: .int(2)))
            let plan = try #require(listed?["memories"]?[0])
            #expect(
                plan["content"] == .string("The user is planning a trip to Lyon with their sister Claire in June 2024.")
            )
            #expect(plan["type"] == .string("goal"))
            #expect(plan["memories_at"] == .string("2024-06-01T00:00:00Z"))
            let chatID = try #require(plan["source"]?["chat_id"])
            let messageID = try #require(plan["source"]?["message_id"])

            let found = ok(
                await client.callTool(
                    "search", .object(["query": .string("Geneva"), "scope": .string("memories")]), id: .int(3)))
            let hit = try #require(found?["results"]?[0])
            #expect(hit["kind"] == .string("memory") && hit["source"]?["chat_id"] == chatID)

            let turn = ok(
                await client.callTool(
                    "get_conversation",
                    .object(["id": chatID, "around_message_id": messageID, "before": .int(0), "after": .int(0)]),
                    id: .int(4)))
            let message = try #require(turn?["messages"]?[0])
            #expect(message["id"] == messageID && message["role"] == .string("user"))
            #expect(message["content"]?.stringValue?.contains("I'm planning a trip to Lyon") == true)

            // Extracting the same chat again finds the same evidence: nothing new, nothing duplicated.
            let again = ok(
                await client.callTool("extract_memories", .object(["chat_ids": .array([chatID])]), id: .int(5)))
            #expect(again?["added"] == .int(0))
            #expect(again?["candidates"]?.arrayValue?.allSatisfy { $0["outcome"] == .string("known") } == true)
            _ = await client.finish()
        }
    }

    @Test func aContradictionSupersedesAndTheOldVersionStaysLinked() async throws {
        let client = TestClient()
        await client.initialize()
        let oslo = ok(
            await client.callTool(
                "add_memory",
                .object([
                    "messages": .array([
                        .object(["role": .string("user"), "content": .string("I live in Oslo.")])
                    ]), "memories_at": .string("2024-01-10"),
                ]), id: .int(1)))
        let osloID = try #require(oslo?["memories"]?[0]?["id"])
        let bergen = ok(
            await client.callTool("add_memory", .object(["content": .string("The user lives in Bergen.")]), id: .int(2))
        )
        #expect(bergen?["superseded"] == .int(1))
        #expect(bergen?["memories"]?[0]?["supersedes"] == osloID)

        let current = ok(await client.callTool("list_memories", nil, id: .int(3)))
        #expect(
            current?["memories"]?.arrayValue?.compactMap { $0["content"]?.stringValue } == ["The user lives in Bergen."]
        )
        let all = ok(await client.callTool("list_memories", .object(["include_superseded": .bool(true)]), id: .int(4)))
        #expect(all?["total"] == .int(2))
        #expect(all?["memories"]?[1]?["superseded_by"] == bergen?["memories"]?[0]?["id"])

        let stale = await client.callTool(
            "update_memory", .object(["id": osloID, "content": .string("The user lives in Oslo again.")]), id: .int(5))
        #expect(errorText(stale).contains("superseded"))
        _ = await client.finish()
    }

    @Test func everyFieldAndFilterOfAMemory() async throws {
        let client = TestClient()
        await client.initialize()
        let saved = ok(
            await client.callTool(
                "add_memory",
                .object([
                    "content": .string("The user photographed the aurora."), "memory_type": .string("experience"),
                    "tags": .array([.string("trip")]),
                    "bucket": .string("iceland"), "memories_at": .string("2024-03-02"), "latitude": .double(64.1),
                    "longitude": .double(-21.9),
                    "metadata": .object(["camera": .string("x100")]), "user_id": .string("ana"),
                ]), id: .int(1)))
        let memory = try #require(saved?["memories"]?[0])
        #expect(memory["latitude"] == .double(64.1) && memory["longitude"] == .double(-21.9))
        #expect(memory["metadata"]?["camera"] == .string("x100"))
        #expect(memory["memories_at"] == .string("2024-03-02T00:00:00Z"))
        #expect(memory["user_id"] == .string("ana") && memory["bucket"] == .string("iceland"))

        let image = ok(
            await client.callTool(
                "add_memory",
                .object([
                    "image_ref": .string("file:///photos/aurora.jpg"),
                    "image_description": .string("Green aurora over a frozen lake"),
                    "user_id": .string("ana"), "tags": .array([.string("trip")]),
                ]), id: .int(2)))
        #expect(image?["memories"]?[0]?["image_ref"] == .string("file:///photos/aurora.jpg"))
        #expect(image?["memories"]?[0]?["content"] == .string("Green aurora over a frozen lake"))
        let missing = await client.callTool("add_memory", .object(["image_ref": .string("file:///x.jpg")]), id: .int(3))
        #expect(errorText(missing).contains("image_description"))

        _ = ok(
            await client.callTool(
                "add_memory", .object(["content": .string("The user maybe likes opera."), "user_id": .string("ana")]),
                id: .int(4)))
        func contents(_ arguments: [String: JSONValue], id: Int) async -> [String] {
            let page = ok(await client.callTool("list_memories", .object(arguments), id: .int(Int64(id))))
            return page?["memories"]?.arrayValue?.compactMap { $0["content"]?.stringValue } ?? []
        }
        let ana: [String: JSONValue] = ["user_id": .string("ana")]
        #expect(
            await contents(ana.merging(["bucket": .string("iceland")]) { $1 }, id: 5) == [
                "The user photographed the aurora."
            ])
        #expect(await contents(ana.merging(["tags": .array([.string("trip")])]) { $1 }, id: 6).count == 2)
        #expect(
            await contents(ana.merging(["memory_type": .string("experience")]) { $1 }, id: 7) == [
                "The user photographed the aurora."
            ])
        #expect(
            await contents(ana.merging(["order": .string("oldest"), "limit": .int(1)]) { $1 }, id: 8) == [
                "The user photographed the aurora."
            ])
        #expect(await contents([:], id: 9).isEmpty)  // another namespace
        let filtered = await client.callTool(
            "list_memories", .object(["memory_type": .string("opinion")]), id: .int(10))
        #expect(errorText(filtered).contains("memory_type"))
        _ = await client.finish()
    }

    @Test func minimumConfidenceAndACursorThatHoldsWhileMemoriesArrive() async throws {
        let client = TestClient()
        await client.initialize()
        for index in 0..<5 {
            _ = ok(
                await client.callTool(
                    "add_memory",
                    .object(["content": .string("Garden note number \(index)."), "tags": .array([.string("garden")])]),
                    id: .int(Int64(index))))
        }
        let first = ok(
            await client.callTool(
                "list_memories", .object(["limit": .int(2), "tags": .array([.string("garden")])]), id: .int(10)))
        let cursor = try #require(first?["next_cursor"])
        _ = ok(
            await client.callTool(
                "add_memory",
                .object(["content": .string("A newer garden note."), "tags": .array([.string("garden")])]), id: .int(11)
            ))
        let second = ok(
            await client.callTool(
                "list_memories", .object(["limit": .int(2), "cursor": cursor, "tags": .array([.string("garden")])]),
                id: .int(12)))
        let third = ok(
            await client.callTool(
                "list_memories",
                .object([
                    "limit": .int(2), "cursor": second?["next_cursor"] ?? .null, "tags": .array([.string("garden")]),
                ]), id: .int(13)))
        let seen = [first, second, third].flatMap { $0?["memories"]?.arrayValue ?? [] }.compactMap {
            $0["content"]?.stringValue
        }
        #expect(seen == (0..<5).reversed().map { "Garden note number \($0)." })
        #expect(third?["next_cursor"] == nil)

        _ = ok(
            await client.callTool(
                "add_memory",
                .object([
                    "messages": .array([
                        .object(["role": .string("user"), "content": .string("I think I like sushi.")])
                    ])
                ]), id: .int(14)))
        let confident = ok(
            await client.callTool("list_memories", .object(["min_confidence": .double(0.9)]), id: .int(15)))
        #expect(
            confident?["memories"]?.arrayValue?.contains { $0["content"] == .string("The user likes sushi.") } == false)
        _ = await client.finish()
    }

    @Test func aDryRunProposesWithoutStoring() async throws {
        let client = TestClient()
        await client.initialize()
        _ = ok(
            await client.callTool("add_memory", .object(["content": .string("The user lives in Oslo.")]), id: .int(1)))
        let preview = ok(
            await client.callTool(
                "extract_memories",
                .object(["text": .string("I live in Bergen and I love skiing."), "dry_run": .bool(true)]), id: .int(2)))
        #expect(preview?["dry_run"] == .bool(true))
        #expect(preview?["candidates"]?.arrayValue?.compactMap { $0["outcome"]?.stringValue } == ["supersedes", "new"])
        #expect(preview?["candidates"]?[0]?["existing_memory_id"] != nil)
        let stats = ok(await client.callTool("memory_stats", nil, id: .int(3)))
        #expect(stats?["memories"] == .int(1))
        _ = await client.finish()
    }
}
