import Foundation
import RecallCore
import Testing

@testable import recall

@Suite struct JSONOutputTests {
    @Test(arguments: [
        ("importID", "import_id"), ("chatIDs", "chat_ids"), ("sourceMessageID", "source_message_id"),
        ("memoriesAt", "memories_at"), ("totalPages", "total_pages"), ("id", "id"), ("userID", "user_id"),
        ("sizeBytes", "size_bytes"), ("chatsByPlatform", "chats_by_platform"), ("URLPath", "url_path"),
        ("memoryIDsByChat", "memory_ids_by_chat"),
    ])
    func propertyNamesBecomeSnakeCase(_ name: String, _ expected: String) {
        #expect(JSONOutput.snakeCase(name) == expected)
    }

    @Test func forgetResultUsesWireNames() throws {
        let result = ForgetResult(
            dryRun: true, memoriesDeleted: 1, chatsDeleted: 0, messagesDeleted: 0, memoryIDs: ["mem_1"], chatIDs: []
        )
        let object = try Self.object(JSONOutput.string(result))
        #expect(
            Set(object.keys) == [
                "dry_run", "memories_deleted", "chats_deleted", "messages_deleted", "other_messages_deleted",
                "memory_ids",
                "chat_ids",
            ])
    }

    @Test func datesAreISO8601AndDictionaryKeysStayAsWritten() throws {
        let stats = StoreStats(
            path: "/tmp/r.sqlite", sizeBytes: 10, schemaVersion: 1, chats: 0, messages: 0, memories: 0,
            supersededMemories: 0, chatsByPlatform: [:], memoriesByType: [:], byBucket: [:], byTag: ["camelTag": 2],
            imports: [
                ImportRecordSummary(
                    id: "imp_1", path: "x.zip", platform: "chatgpt", startedAt: Date(timeIntervalSince1970: 0),
                    chatsAdded: 1, messagesAdded: 2
                )
            ]
        )
        let text = try JSONOutput.string(stats)
        let object = try Self.object(text)
        #expect((object["by_tag"] as? [String: Int]) == ["camelTag": 2])
        let imports = try #require(object["imports"] as? [[String: Any]])
        #expect(imports.first?["started_at"] as? String == "1970-01-01T00:00:00Z")
        // Sorted keys: a stable order for diffs and scripts.
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
