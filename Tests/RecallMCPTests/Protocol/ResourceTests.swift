import Foundation
import RecallCore
import Testing

@testable import RecallMCP

@Suite struct ResourceTests {
    @Test func templatesNameChatsAndMemories() async {
        let client = TestClient()
        await client.initialize()
        let templates =
            await client.request("resources/templates/list", id: .int(1))["result"]?["resourceTemplates"]?.arrayValue
            ?? []
        #expect(
            templates.compactMap { $0["uriTemplate"]?.stringValue } == ["recall://chat/{id}", "recall://memory/{id}"])
        #expect(templates.compactMap { $0["mimeType"]?.stringValue } == ["text/markdown", "application/json"])
        _ = await client.finish()
    }

    @Test func listIsAPageOfChats() async {
        let client = TestClient()
        await client.initialize()
        let result = await client.request("resources/list", id: .int(1))["result"]
        // A fresh store has no chats (and a store that cannot be read lists none).
        #expect(result?["resources"] == .array([]))
        #expect(result?["nextCursor"] == nil)
        _ = await client.finish()
    }

    @Test(arguments: [
        "recall://nothing/1", "https://example.com/chat/1", "recall://chat/", "recall://chat/a/b", "recall:chat/1",
    ])
    func unknownURIsAreNotFoundWithTheURI(_ uri: String) async {
        let client = TestClient()
        await client.initialize()
        let response = await client.request("resources/read", params: .object(["uri": .string(uri)]), id: .int(1))
        #expect(response["error"]?["code"] == .int(-32002))
        #expect(response["error"]?["data"] == .object(["uri": .string(uri)]))
        _ = await client.finish()
    }

    @Test func readWithoutURIIsInvalidParams() async {
        let client = TestClient()
        await client.initialize()
        let response = await client.request(
            "resources/read", params: .object(["url": .string("recall://chat/1")]), id: .int(1))
        #expect(response["error"]?["code"] == .int(-32602))
        _ = await client.finish()
    }

    @Test func readingAChatOrMemoryAsksTheCore() async {
        let client = TestClient()
        await client.initialize()
        for uri in ["recall://chat/chat_404", "recall://memory/mem_404"] {
            let response = await client.request(
                "resources/read", params: .object(["uri": .string(uri)]), id: .string(uri))
            // Nothing is stored, so this is an error either way: not found, or the store's own failure.
            let code = response["error"]?["code"]
            #expect(code == .int(-32002) || code == .int(-32603), "\(uri): \(response)")
        }
        _ = await client.finish()
    }

    @Test func uriParsing() {
        #expect(ResourceProvider.parse("recall://chat/chat_12")! == ("chat", "chat_12"))
        #expect(ResourceProvider.parse("recall://memory/mem%207")! == ("memory", "mem 7"))
        #expect(ResourceProvider.parse("recall://chat") == nil)
    }

    @Test func conversationMarkdown() {
        let date = Date(timeIntervalSince1970: 1_714_555_800)
        let page = ConversationPage(
            id: "chat_3", title: "Trip plans", platform: .chatgpt, createdAt: date,
            messages: [
                Message(
                    id: "msg_1", sourceMessageID: "a", role: .user, content: "Where should I go?", createdAt: date,
                    hidden: false),
                Message(
                    id: "msg_2", sourceMessageID: "b", role: .assistant, content: "Lyon.", createdAt: nil, hidden: false
                ),
            ],
            offset: 0, nextOffset: 2, total: 5)
        let markdown = ConversationMarkdown.render(page)
        #expect(
            markdown.hasPrefix(
                "# Trip plans\n\nChatGPT chat `chat_3`, started 2024-05-01T09:30:00Z. Messages 1–2 of 5.\n"))
        #expect(markdown.contains("\n**User** · 2024-05-01T09:30:00Z\n\nWhere should I go?\n"))
        #expect(markdown.contains("\n**Assistant**\n\nLyon.\n"))
        #expect(markdown.contains("3 more messages: read on with get_conversation (id `chat_3`, offset 2)"))
    }

    @Test func longConversationsAreCutWithDirections() {
        let long = String(repeating: "word ", count: 30_000)
        let messages = (0..<5).map {
            Message(
                id: "msg_\($0)", sourceMessageID: "\($0)", role: .user, content: long, createdAt: nil, hidden: false)
        }
        let page = ConversationPage(
            id: "chat_1", title: "T", platform: .claude, createdAt: nil, messages: messages, offset: 0, nextOffset: nil,
            total: 5)
        let markdown = ConversationMarkdown.render(page)
        #expect(markdown.count <= ConversationMarkdown.maximumCharacters + 200)
        #expect(markdown.contains("around_message_id `msg_0`"))
    }
}
