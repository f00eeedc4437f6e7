import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallMCP

/// Reads that list items, when one stored item is too large for any result: the item is shown
/// cut, marked with where to read it whole, the page fits the limit, and paging goes on past it.
@Suite(.eachStore) struct ReadClippingTests {
    /// About 60,000 characters: over the result limit on its own.
    static let huge = "Notes: " + String(repeating: "the quick brown fox jumps over a lazy dog, ", count: 1_400) + "."

    /// The first step the clipper tries, which a single huge item among small ones fits at.
    static let kept = ResultClipper.steps[0]

    /// A successful result's structured content, after checking it fits and equals its text block.
    private func fitting(_ response: JSONValue, tool: any RecallTool.Type) throws -> JSONValue {
        let result = try #require(response["result"])
        #expect(result["isError"] == .bool(false), "\(String(describing: result).prefix(300))")
        let text = try #require(result["content"]?[0]?["text"]?.stringValue)
        #expect(text.unicodeScalars.count <= ToolRegistry.maximumResultCharacters)
        let structured = try #require(result["structuredContent"])
        #expect(TestClient.parse(text) == structured)
        // Every member the output schema requires is there, with the type it declares.
        for name in tool.outputSchema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            #expect(tool.outputSchema["properties"]?[name]?["type"] == .string("array"))
            #expect(structured[name]?.arrayValue != nil, "\(tool.name) lost `\(name)`")
        }
        return structured
    }

    private func addMemory(_ content: String, client: TestClient, id: Int64) async throws -> String {
        let response = await client.callTool("add_memory", .object(["content": .string(content)]), id: .int(id))
        return try #require(response["result"]?["structuredContent"]?["memories"]?[0]?["id"]?.stringValue)
    }

    /// The marker a memory cut at `kept` characters ends with.
    private func marker(for id: String) -> String {
        let rest = Self.huge.unicodeScalars.count - Self.kept
        return "… [clipped: \(rest) more characters; the whole memory is the resource recall://memory/\(id)]"
    }

    @Test func theHugeMemoryIsTooLargeForAnyResultAndItsResourceHoldsItWhole() async throws {
        let client = TestClient()
        await client.initialize()
        let id = try await addMemory(Self.huge, client: client, id: 1)
        let uri = JSONValue.string("recall://memory/\(id)")
        let read = await client.request("resources/read", params: .object(["uri": uri]), id: .int(2))
        let text = try #require(read["result"]?["contents"]?[0]?["text"]?.stringValue)
        // Uncut, a page holding this memory could never be returned, at any `limit`.
        #expect(text.unicodeScalars.count > ToolRegistry.maximumResultCharacters)
        #expect(TestClient.parse(text)?["content"] == .string(Self.huge))
        _ = await client.finish()
    }

    /// An initialized client whose store holds a small memory, the huge one, then another small one.
    private func storeAHugeMemoryBetweenTwoSmallOnes(_ client: TestClient) async throws -> (
        oldest: String, huge: String, newest: String
    ) {
        await client.initialize()
        let oldest = try await addMemory("Prefers window seats on long train rides.", client: client, id: 1)
        let huge = try await addMemory(Self.huge, client: client, id: 2)
        let newest = try await addMemory("Keeps a sourdough starter called Gerald.", client: client, id: 3)
        return (oldest, huge, newest)
    }

    @Test func listMemoriesShowsAHugeMemoryCutAndTheOthersWhole() async throws {
        let client = TestClient()
        let (oldest, hugeID, newest) = try await storeAHugeMemoryBetweenTwoSmallOnes(client)

        let response = await client.callTool("list_memories", .object([:]), id: .int(4))
        let listed = try fitting(response, tool: ListMemoriesTool.self)
        let memories = try #require(listed["memories"]?.arrayValue)
        #expect(memories.compactMap { $0["id"]?.stringValue } == [newest, hugeID, oldest])
        #expect(listed["total"] == .int(3))
        let cut = try #require(memories[1]["content"]?.stringValue)
        #expect(cut == String(Self.huge.prefix(Self.kept)) + marker(for: hugeID))
        #expect(memories[0]["content"] == .string("Keeps a sourdough starter called Gerald."))
        #expect(memories[2]["content"] == .string("Prefers window seats on long train rides."))
        _ = await client.finish()
    }

    @Test func listMemoriesPagesOntoAndPastAHugeMemory() async throws {
        let client = TestClient()
        let (oldest, hugeID, newest) = try await storeAHugeMemoryBetweenTwoSmallOnes(client)

        var seen: [String] = []
        var cursor: JSONValue?
        var request: Int64 = 10
        repeat {
            var arguments: [String: JSONValue] = ["limit": .int(1)]
            arguments["cursor"] = cursor
            let response = await client.callTool("list_memories", .object(arguments), id: .int(request))
            let page = try fitting(response, tool: ListMemoriesTool.self)
            let memory = try #require(page["memories"]?[0])
            seen.append(try #require(memory["id"]?.stringValue))
            if memory["id"] == .string(hugeID) {
                #expect(memory["content"]?.stringValue?.hasSuffix(marker(for: hugeID)) == true)
            }
            cursor = page["next_cursor"]
            request += 1
        } while cursor != nil && request < 20
        #expect(seen == [newest, hugeID, oldest])
        _ = await client.finish()
    }

    @Test func searchShowsAHugeMemoryCut() async throws {
        let client = TestClient()
        await client.initialize()
        let small = try await addMemory("Keeps a sourdough starter called Gerald.", client: client, id: 1)
        let hugeID = try await addMemory(Self.huge, client: client, id: 2)

        // With nothing to match, search lists the newest memories with their whole text.
        let arguments: JSONValue = .object(["query": .string(""), "scope": .string("memories")])
        let response = await client.callTool("search", arguments, id: .int(3))
        let found = try fitting(response, tool: SearchTool.self)
        let results = try #require(found["results"]?.arrayValue)
        #expect(results.compactMap { $0["id"]?.stringValue } == [hugeID, small])
        #expect(results[0]["snippet"] == .string(String(Self.huge.prefix(Self.kept)) + marker(for: hugeID)))
        #expect(results[1]["snippet"] == .string("Keeps a sourdough starter called Gerald."))
        _ = await client.finish()
    }

    @Test func messageHitsSayHowToOpenTheMessageAndTheCursorIsKept() throws {
        let title = String(repeating: "A very long chat title. ", count: 2_000)
        let cursor = String(repeating: "c", count: Self.kept + 1_000)
        let page: JSONValue = .object([
            "results": .array([
                .object([
                    "kind": .string("message"), "id": .string("msg_9"), "chat_id": .string("chat_3"),
                    "chat_title": .string(title), "snippet": .string("short"),
                ])
            ]),
            "next_cursor": .string(cursor),
        ])
        let clipping = try #require(SearchTool.clipping)
        let limit = ToolRegistry.maximumResultCharacters
        let fitted = try #require(ResultClipper.fitted(page, maximumCharacters: limit, clipping: clipping))
        #expect(fitted.value["next_cursor"] == .string(cursor))
        #expect(fitted.value["results"]?[0]?["snippet"] == .string("short"))
        let cut = try #require(fitted.value["results"]?[0]?["chat_title"]?.stringValue)
        #expect(cut.hasSuffix("; read the message with get_conversation (id chat_3, around_message_id msg_9)]"))
        #expect(TestClient.parse(fitted.text) == fitted.value)
    }

    @Test func oneCharacterOfThousandsOfScalarsIsCutThrough() throws {
        // "e" with 60,000 combining accents is a single character but 60,001 scalars, which the
        // limit counts: keeping whole characters would keep all of it.
        let zalgo = "e" + String(repeating: "\u{301}", count: 60_000)
        #expect(zalgo.count == 1)
        let memory: JSONValue = .object(["id": .string("mem_1"), "content": .string(zalgo)])
        let page: JSONValue = .object(["memories": .array([memory])])
        let clipping = try #require(ListMemoriesTool.clipping)
        let limit = ToolRegistry.maximumResultCharacters
        let fitted = try #require(ResultClipper.fitted(page, maximumCharacters: limit, clipping: clipping))
        #expect(fitted.text.unicodeScalars.count <= limit)
        let cut = try #require(fitted.value["memories"]?[0]?["content"]?.stringValue)
        #expect(cut.contains("clipped: \(zalgo.unicodeScalars.count - Self.kept) more characters"))
    }

    @Test func listChatsShowsAChatWithAHugeTitleCut() async throws {
        let recall = Recall.testStore()
        let message = ParsedMessage(sourceID: "m1", role: .user, text: "Hello", activePosition: 0)
        _ = try recall.importConversations(
            [
                ParsedConversation(platform: .claude, sourceID: "small", title: "Groceries", messages: [message]),
                ParsedConversation(platform: .claude, sourceID: "huge", title: Self.huge, messages: [message]),
            ], label: "test")
        let client = TestClient(recall: recall)
        await client.initialize()
        let response = await client.callTool("list_chats", .object([:]), id: .int(1))
        let listed = try fitting(response, tool: ListChatsTool.self)
        let items = try #require(listed["items"]?.arrayValue)
        #expect(items.count == 2)
        let cut = try #require(items.first { $0["title"]?.stringValue != "Groceries" })
        let id = try #require(cut["id"]?.stringValue)
        #expect(cut["title"]?.stringValue?.hasSuffix("the whole chat is the resource recall://chat/\(id)]") == true)
        _ = await client.finish()
    }
}
