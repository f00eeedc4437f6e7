import Foundation
import Testing

@testable import RecallCore

@Suite struct RecallJSONTests {
    @Test(arguments: [
        ("chatID", "chat_id"), ("sourceMessageID", "source_message_id"), ("memoryIDs", "memory_ids"),
        ("nextCursor", "next_cursor"), ("id", "id"), ("messagesAdded", "messages_added"), ("userID", "user_id"),
        ("byTag", "by_tag"), ("imageRef", "image_ref"), ("importID", "import_id"),
    ])
    func keysAreSnakeCase(_ key: String, _ expected: String) {
        #expect(RecallJSON.snakeCase(key) == expected)
    }

    @Test func resultsEncodeWithSnakeKeysAndISODates() throws {
        let result = ForgetResult(
            dryRun: true, memoriesDeleted: 1, chatsDeleted: 0, messagesDeleted: 0, memoryIDs: ["mem_1"], chatIDs: [])
        let text = String(decoding: try RecallJSON.encoder().encode(result), as: UTF8.self)
        #expect(
            text
                == #"{"chat_ids":[],"chats_deleted":0,"dry_run":true,"memories_deleted":1,"memory_ids":["mem_1"],"messages_deleted":0,"other_messages_deleted":0}"#
        )
        let hit = SearchHit(
            kind: .message, id: "msg_1", score: 1, snippet: "x", createdAt: Date(timeIntervalSince1970: 0))
        #expect(
            String(decoding: try RecallJSON.encoder().encode(hit), as: UTF8.self).contains(
                #""created_at":"1970-01-01T00:00:00Z""#))
    }

    @Test func placeholdersAndBlanksFallBackToTheDefault() {
        let environment = ["HOME": "/home/u", "RECALL_DB": "${user_config.db_path}"]
        #if os(Linux)
        #expect(
            StoreLocation.resolve(explicit: " ", environment: environment)
                == .file("/home/u/.local/share/recall/recall.sqlite"))
        #endif
        #expect(
            StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/u", "RECALL_DB": "~/r.sqlite"])
                == .file("/home/u/r.sqlite"))
        #expect(
            StoreLocation.resolve(explicit: "/tmp/x.sqlite", environment: ["RECALL_DB": "/tmp/y.sqlite"])
                == .file("/tmp/x.sqlite"))
    }
}
