import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallMCP

/// `tools/call` through the registry: argument errors, Core errors, output encoding and limits.
@Suite(.eachStore) struct ToolCallTests {
    /// Calls one tool on a fresh, initialized server and returns the result object.
    private func call(
        _ name: String, _ arguments: JSONValue?, version: String = "2025-11-25", extraTools: [any RecallTool] = []
    ) async -> JSONValue? {
        let client = TestClient(extraTools: extraTools)
        await client.initialize(version: version)
        let response = await client.callTool(name, arguments, id: .int(1))
        _ = await client.finish()
        return response["result"]
    }

    private func errorText(_ result: JSONValue?) -> String {
        #expect(result?["isError"] == .bool(true))
        #expect(result?["structuredContent"] == nil)
        let text = result?["content"]?[0]?["text"]?.stringValue ?? ""
        #expect(!text.contains("\n"), "error messages are one line")
        return text
    }

    @Test func everyBadArgumentIsNamedInOneLine() async {
        let text = errorText(await call("search", .object(["limit": .int(500), "scope": .string("everything")])))
        #expect(
            text
                == "Invalid arguments: `limit` must be an integer from 1 to 50; `query` is required; `scope` must be one of `all`, `memories`, `messages`"
        )
    }

    @Test func wrongTypesAndUnknownNamesAreReported() async {
        let text = errorText(
            await call("search", .object(["query": .int(3), "chatId": .string("c1"), "tags": .string("work")])))
        #expect(text.contains("`query` must be a string"))
        #expect(text.contains("`tags` must be an array of strings"))
        #expect(text.contains("`chatId` is not an argument") && text.contains("`chat_id`"))
    }

    @Test func nestedArgumentsNameTheirPath() async {
        let messages: JSONValue = .array([
            .object(["role": .string("user")]), .object(["role": .int(1), "content": .string("hi")]),
        ])
        let text = errorText(await call("add_memory", .object(["messages": messages])))
        #expect(text == "Invalid arguments: `messages[0].content` is required; `messages[1].role` must be a string")
    }

    @Test func badDatesSayWhatIsExpected() async {
        let text = errorText(await call("list_chats", .object(["date_from": .string("last tuesday")])))
        #expect(
            text == "Invalid arguments: `date_from` must be an ISO-8601 date such as 2024-05-01 or 2024-05-01T09:30:00Z"
        )
    }

    @Test func enumValuesLeftOutOfTheSchemaAreStillListed() async {
        let text = errorText(await call("search", .object(["query": .string("x"), "memory_type": .string("opinion")])))
        #expect(text.hasPrefix("Invalid arguments: `memory_type` must be one of `preference`, `fact`"))
    }

    @Test func crossFieldRulesAreArgumentErrors() async {
        #expect(errorText(await call("add_memory", .object([:]))).contains("`content` or `messages` is required"))
        #expect(
            errorText(await call("add_memory", .object(["content": .string("  ")]))).contains(
                "`content` must not be empty"))
        #expect(errorText(await call("forget", nil)).contains("`memory_ids` or `chat_ids` or `import_id` is required"))
        #expect(
            errorText(await call("update_memory", .object(["id": .string("mem_1")]))).contains(
                "another field to change"))
        #expect(
            errorText(await call("update_chat", .object(["id": .string("chat_1")]))).contains("another field to change")
        )
        #expect(errorText(await call("extract_memories", .object(["dry_run": .bool(true)]))).contains("is required"))
        #expect(
            errorText(await call("import_chats", .object(["path": .string("")]))).contains("`path` must not be empty"))
    }

    @Test func argumentsToAToolWithoutArgumentsAreRejected() async {
        let text = errorText(await call("memory_stats", .object(["verbose": .bool(true)])))
        #expect(text.contains("`verbose` is not an argument; this tool takes none"))
    }

    @Test func absentOrNullArgumentsMeanAnEmptyObject() async {
        for arguments in [nil, JSONValue.null, .object([:])] {
            let result = await call("memory_stats", arguments)
            // The arguments pass; whatever the store says, it is a result, not an argument error.
            #expect(result?["content"]?[0]?["text"]?.stringValue?.hasPrefix("Invalid arguments") == false)
        }
    }

    @Test func recallErrorsBecomeOneLineToolErrors() async {
        let text = errorText(await call("test_fail", nil, extraTools: [TestTools.Fail()]))
        #expect(text == "No chat with id chat_9. Use list_chats or search to find ids.")
    }

    @Test(arguments: [
        ("search", JSONValue.object(["query": .string("tax")])), ("get_context", .object(["query": .string("tax")])),
        ("add_memory", .object(["content": .string("Likes tea")])), ("list_memories", .object([:])),
        ("update_memory", .object(["id": .string("mem_1"), "pinned": .bool(true)])),
        ("forget", .object(["memory_ids": .array([.string("mem_1")]), "dry_run": .bool(true)])),
        ("import_chats", .object(["path": .string("/nonexistent/export.zip")])), ("list_chats", .object([:])),
        ("get_conversation", .object(["id": .string("chat_1")])),
        ("update_chat", .object(["id": .string("chat_1"), "title": .string("T")])),
        ("extract_memories", .object(["text": .string("I live in Lyon.")])), ("memory_stats", .object([:])),
    ])
    func validCallsReachTheCore(_ name: String, _ arguments: JSONValue) async {
        // Valid arguments pass validation; the Core's answer (a value, or a RecallError as an
        // isError result) comes back as a result, never as a protocol error.
        let result = await call(name, arguments)
        let text = result?["content"]?[0]?["text"]?.stringValue ?? ""
        #expect(!text.isEmpty && !text.hasPrefix("Invalid arguments"), "\(name): \(text)")
        if result?["isError"] == .bool(true) {
            #expect(!text.contains("\n") && result?["structuredContent"] == nil)
        } else {
            #expect(result?["structuredContent"]?.objectValue != nil)
        }
    }

    @Test func unexpectedErrorsAreToolErrorsAndTheServerCarriesOn() async {
        let client = TestClient(extraTools: [TestTools.Crash()])
        await client.initialize()
        let response = await client.callTool("test_crash", nil, id: .int(1))
        #expect(errorText(response["result"]).contains("failed unexpectedly"))
        #expect(await client.request("ping", id: .int(2))["result"] == .object([:]))
        _ = await client.finish()
    }

    @Test func oversizedResultsAskTheModelToNarrow() async {
        let text = errorText(await call("test_huge", nil, extraTools: [TestTools.Huge()]))
        #expect(text.contains("too large") && text.contains("40000") && text.hasSuffix("Ask for less."))
    }

    @Test func structuredContentEqualsTheTextBlock() async {
        let result = await call("test_echo", .object(["text": .string("hello")]), extraTools: [TestTools.Echo()])
        #expect(result?["isError"] == .bool(false))
        #expect(result?["structuredContent"] == .object(["text": .string("hello")]))
        let text = result?["content"]?[0]?["text"]?.stringValue ?? ""
        #expect(TestClient.parse(text) == result?["structuredContent"])
        #expect(result?["content"]?[0]?["type"] == .string("text"))
    }

    @Test func olderVersionsGetTextOnly() async {
        let result = await call(
            "test_echo", .object(["text": .string("hello")]), version: "2025-03-26", extraTools: [TestTools.Echo()])
        #expect(result?["structuredContent"] == nil)
        #expect(
            TestClient.parse(result?["content"]?[0]?["text"]?.stringValue ?? "") == .object(["text": .string("hello")]))
    }

    @Test func argumentStringsReachTheToolUnchanged() throws {
        let content = "data:image/png;base64,iVBORw0KGgo= and data:text/plain,hi"
        let arguments: JSONValue = .object([
            "content": .string(content), "metadata": .object(["url": .string("data:,x"), "camelCase": .int(1)]),
        ])
        let decoded = try JSONDecoder().decode(AddMemoryTool.Arguments.self, from: WireJSON.encode(arguments))
        #expect(decoded.content == content)
        #expect(decoded.metadata == ["url": .string("data:,x"), "camelCase": .int(1)])
    }
}
