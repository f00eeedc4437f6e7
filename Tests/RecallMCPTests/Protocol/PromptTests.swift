import RecallCore
import Testing

@testable import RecallMCP

@Suite struct PromptTests {
    @Test func listShowsRecallContext() async {
        let client = TestClient()
        await client.initialize()
        let prompts = await client.request("prompts/list", id: .int(1))["result"]?["prompts"]?.arrayValue ?? []
        #expect(prompts.count == 1)
        #expect(prompts.first?["name"] == .string("recall_context"))
        #expect(prompts.first?["arguments"]?[0]?["name"] == .string("topic"))
        #expect(prompts.first?["arguments"]?[0]?["required"] == .bool(true))
        _ = await client.finish()
    }

    @Test(arguments: [
        JSONValue.object([:]), .object(["name": .string("other")]), .object(["name": .string("recall_context")]),
        .object(["name": .string("recall_context"), "arguments": .object(["topic": .string(" ")])]),
        .object(["name": .string("recall_context"), "arguments": .object(["subject": .string("tea")])]),
    ])
    func badRequestsAreInvalidParams(_ params: JSONValue) async {
        let client = TestClient()
        await client.initialize()
        let response = await client.request("prompts/get", params: params, id: .int(1))
        #expect(response["error"]?["code"] == .int(-32602))
        _ = await client.finish()
    }

    @Test func getAsksTheCoreForContext() async {
        let client = TestClient()
        await client.initialize()
        let response = await client.request(
            "prompts/get",
            params: .object(["name": .string("recall_context"), "arguments": .object(["topic": .string("tea")])]),
            id: .int(1))
        if let result = response["result"] {
            let message = result["messages"]?[0]
            #expect(message?["role"] == .string("user"))
            #expect(message?["content"]?["text"]?.stringValue?.contains("tea") == true)
        } else {
            #expect(response["error"]?["code"] == .int(-32603))
        }
        _ = await client.finish()
    }
}
