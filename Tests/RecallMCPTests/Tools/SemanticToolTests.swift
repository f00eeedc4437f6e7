import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallMCP

/// Search by meaning through the tools, with the models compiled into the binary: a question
/// in other words finds the memory, a saved memory outranks loosely related chat turns, and
/// keyword lookups come out as before.
@Suite(.eachStore) struct SemanticToolTests {
    /// A Claude export: a chat about living organisms, which shares the word "live" with the question.
    static let export = """
        [{"uuid":"c-bio","name":"Biology homework","created_at":"2024-03-01T10:00:00Z","updated_at":"2024-03-01T10:05:00Z",
          "chat_messages":[
            {"uuid":"t1","sender":"human","text":"How do living organisms live without oxygen?","created_at":"2024-03-01T10:00:00Z"},
            {"uuid":"t2","sender":"assistant","text":"Some organisms live by fermentation; anaerobic bacteria live in mud.","created_at":"2024-03-01T10:01:00Z"},
            {"uuid":"t3","sender":"human","text":"Do all living cells need mitochondria to live?","created_at":"2024-03-01T10:02:00Z"},
            {"uuid":"t4","sender":"assistant","text":"No: bacteria live without mitochondria.","created_at":"2024-03-01T10:03:00Z"}]}]
        """

    private func ok(_ response: JSONValue) -> JSONValue? {
        #expect(response["result"]?["isError"] == .bool(false), "\(response)")
        return response["result"]?["structuredContent"]
    }

    private func search(_ client: TestClient, _ query: String, scope: String = "all", id: Int) async -> [JSONValue] {
        ok(
            await client.callTool(
                "search", .object(["query": .string(query), "scope": .string(scope)]), id: .int(Int64(id))))?[
                "results"]?.arrayValue ?? []
    }

    @Test func meaningFindsMemoriesAndKeywordsStillWin() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recall-semantic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("conversations.json")
        try Data(Self.export.utf8).write(to: file)

        let client = TestClient()
        await client.initialize()
        _ = ok(await client.callTool("import_chats", .object(["path": .string(file.path)]), id: .int(1)))
        for (index, content) in [
            "The user lives in Bergen.", "The user is vegetarian.", "The user plays the cello in an orchestra.",
            "The user's manager is called Sandra.",
        ].enumerated() {
            _ = ok(
                await client.callTool("add_memory", .object(["content": .string(content)]), id: .int(Int64(10 + index)))
            )
        }

        // A saved memory comes before turns that merely share a word with the question.
        let home = await search(client, "where do I live", id: 20)
        #expect(home.first?["kind"] == .string("memory"))
        #expect(home.first?["content"] == .string("The user lives in Bergen."))
        #expect(home.first?["matched_by"]?.arrayValue?.contains(.string("meaning")) == true)

        // A question that shares no word with the memory finds it.
        let food = await search(client, "what does the user eat?", scope: "memories", id: 21)
        #expect(food.first?["content"] == .string("The user is vegetarian."))
        let boss = await search(client, "who is my boss", scope: "memories", id: 22)
        #expect(boss.first?["content"] == .string("The user's manager is called Sandra."))
        #expect(boss.first?["matched_by"] == .array([.string("meaning")]))

        // Keyword lookups are unchanged: the exact word leads, found by it.
        let bergen = await search(client, "Bergen", id: 23)
        #expect(bergen.first?["content"] == .string("The user lives in Bergen."))
        #expect(bergen.first?["matched_by"]?.arrayValue?.contains(.string("keyword")) == true)
        let mitochondria = await search(client, "mitochondria", scope: "messages", id: 24)
        #expect(Set(mitochondria.prefix(2).compactMap { $0["source_message_id"]?.stringValue }) == ["t3", "t4"])

        // get_context ranks the same way: the memory is what it quotes first.
        let context = ok(
            await client.callTool("get_context", .object(["query": .string("where do I live")]), id: .int(25)))
        #expect(context?["context"]?.stringValue?.hasPrefix("Memories:\n- The user lives in Bergen.") == true)
    }
}
