import Foundation
import RecallCore
import Testing

@testable import RecallMCP

@Suite struct ToolOutputEncoderTests {
    @Test(arguments: [
        ("chatID", "chat_id"), ("sourceMessageID", "source_message_id"), ("memoryIDs", "memory_ids"),
        ("chatIDs", "chat_ids"),
        ("nextCursor", "next_cursor"), ("totalPages", "total_pages"), ("byTag", "by_tag"), ("userID", "user_id"),
        ("importID", "import_id"), ("sizeBytes", "size_bytes"), ("URLPath", "url_path"), ("id", "id"),
        ("dryRun", "dry_run"),
        ("messageIDs", "message_ids"), ("memoriesAt", "memories_at"), ("schemaVersion", "schema_version"),
    ])
    func snakeCase(_ key: String, _ expected: String) {
        #expect(ToolOutputEncoder.snakeCase(key) == expected)
    }

    @Test func coreValuesEncodeAsTheDesignSays() throws {
        var hit = SearchHit(
            kind: .message, id: "msg_1", score: 1.5, snippet: "**tax** return",
            createdAt: Date(timeIntervalSince1970: 0))
        hit.sourceMessageID = "aaa-111"
        hit.chatID = "chat_1"
        let page = SearchPage(results: [hit], nextCursor: "c2")
        let json = try decode(ToolOutputEncoder.encode(page))
        #expect(json["next_cursor"] == .string("c2"))
        let first = json["results"]?[0]
        #expect(first?["source_message_id"] == .string("aaa-111"))
        #expect(first?["chat_id"] == .string("chat_1"))
        #expect(first?["created_at"] == .string("1970-01-01T00:00:00Z"))
        #expect(first?["role"] == nil, "nil optionals are omitted, never null")

        let forget = ForgetResult(
            dryRun: true, memoriesDeleted: 1, chatsDeleted: 0, messagesDeleted: 0, memoryIDs: ["mem_1"], chatIDs: [])
        #expect(try decode(ToolOutputEncoder.encode(forget))["memory_ids"] == .array([.string("mem_1")]))
    }

    @Test func dictionaryKeysAreDataAndStayAsTheyAre() throws {
        let memory = Memory(
            id: "mem_1", content: "x", type: .fact, confidence: 1,
            metadata: ["camelCase": .int(1), "snake_case": .int(2)],
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
        let json = try decode(ToolOutputEncoder.encode(memory))
        #expect(json["metadata"] == .object(["camelCase": .int(1), "snake_case": .int(2)]))
        #expect(json["user_id"] == .string("default"))
        let stats = StoreStats(
            path: ":memory:", sizeBytes: 0, schemaVersion: 1, chats: 0, messages: 0, memories: 0, supersededMemories: 0,
            chatsByPlatform: ["chatgpt": 1], memoriesByType: [:], byBucket: ["workProjects": 2], byTag: ["myTag": 3],
            imports: [])
        let statsJSON = try decode(ToolOutputEncoder.encode(stats))
        #expect(statsJSON["by_bucket"] == .object(["workProjects": .int(2)]))
        #expect(statsJSON["by_tag"] == .object(["myTag": .int(3)]))
    }

    @Test func outputsMatchTheirOutputSchemas() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let chat = Chat(
            id: "chat_1", platform: .claude, sourceID: "s", title: "T", messageCount: 2, tokenCount: 10,
            createdAt: date,
            updatedAt: date, pinned: false, bucket: nil, tags: [], importID: "imp_1")
        let message = Message(
            id: "msg_1", sourceMessageID: "m", role: .user, content: "hi", createdAt: date, hidden: false)
        let samples: [(JSONValue, any Encodable)] = [
            (SearchTool.outputSchema, SearchPage(results: [], nextCursor: nil)),
            (ListChatsTool.outputSchema, ChatPage(items: [chat], page: 1, pageSize: 20, total: 1, totalPages: 1)),
            (ListMemoriesTool.outputSchema, MemoryPage(memories: [], nextCursor: "n", total: 0)),
            (
                GetConversationTool.outputSchema,
                ConversationPage(
                    id: "chat_1", title: "T", platform: .claude, createdAt: date, messages: [message], offset: 0,
                    nextOffset: nil, total: 1)
            ),
            (UpdateChatTool.outputSchema, chat),
            (ImportChatsTool.outputSchema, ImportSummary(importID: "imp_1", platform: "chatgpt")),
        ]
        for (schema, value) in samples {
            let json = try decode(ToolOutputEncoder.encode(value))
            let object = try #require(json.objectValue)
            #expect(
                ArgumentValidator.problems(in: object.filter { schema["properties"]?[$0.key] != nil }, schema: schema)
                    == [])
        }
    }

    private func decode(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }
}
