import RecallCore
import Testing

@testable import RecallMCP

/// Server→client requests (`sampling/createMessage`) and matching their responses by id.
@Suite struct ClientRequestTests {
    @Test func samplingRequestIsMatchedByID() async {
        let client = TestClient(extraTools: [TestTools.Sample()])
        await client.initialize(capabilities: .object(["sampling": .object([:])]))
        client.send(TestClient.toolCall("test_sample", .object(["text": .string("Summarise")]), id: .string("call")))
        let request = await client.next()
        #expect(request?["method"] == .string("sampling/createMessage"))
        #expect(request?["params"]?["messages"]?.arrayValue?.first?["content"]?["text"] == .string("Summarise"))
        guard let id = request?["id"] else {
            Issue.record("the server's request has no id")
            return
        }
        // An unrelated response first: it must not be taken for the answer.
        client.writeRaw(#"{"jsonrpc":"2.0","id":"unrelated","result":{}}"# + "\n")
        client.send(
            .object([
                "jsonrpc": .string("2.0"), "id": id,
                "result": .object([
                    "role": .string("assistant"), "model": .string("test-model"),
                    "content": .object(["type": .string("text"), "text": .string("A summary.")]),
                ]),
            ]))
        let response = await client.response(id: .string("call"))
        #expect(response["result"]?["structuredContent"]?["text"] == .string("A summary."))
        _ = await client.finish()
    }

    @Test func clientErrorBecomesAToolError() async {
        let client = TestClient(extraTools: [TestTools.Sample()])
        await client.initialize(capabilities: .object(["sampling": .object([:])]))
        client.send(TestClient.toolCall("test_sample", .object(["text": .string("x")]), id: .int(1)))
        guard let id = await client.next()?["id"] else {
            Issue.record("no request")
            return
        }
        client.send(
            .object([
                "jsonrpc": .string("2.0"), "id": id,
                "error": .object(["code": .int(-1), "message": .string("User rejected sampling request")]),
            ]))
        let response = await client.response(id: .int(1))
        #expect(response["result"]?["isError"] == .bool(true))
        #expect(
            response["result"]?["content"]?.arrayValue?.first?["text"]?.stringValue?.contains("User rejected") == true)
        _ = await client.finish()
    }

    @Test func withoutTheCapabilityNothingIsSent() async {
        let client = TestClient(extraTools: [TestTools.Sample()])
        await client.initialize()
        let response = await client.callTool("test_sample", .object(["text": .string("x")]), id: .int(1))
        #expect(response["result"]?["isError"] == .bool(true))
        #expect(response["result"]?["content"]?.arrayValue?.first?["text"]?.stringValue?.contains("sampling") == true)
        #expect(await client.finish().isEmpty)
    }

    @Test func cancellingTheCallCancelsTheClientRequest() async {
        let client = TestClient(extraTools: [TestTools.Sample()])
        await client.initialize(capabilities: .object(["sampling": .object([:])]))
        client.send(TestClient.toolCall("test_sample", .object(["text": .string("x")]), id: .int(1)))
        guard let id = await client.next()?["id"] else {
            Issue.record("no request")
            return
        }
        client.notify("notifications/cancelled", params: .object(["requestId": .int(1)]))
        let notice = await client.next()
        #expect(notice?["method"] == .string("notifications/cancelled"))
        #expect(notice?["params"]?["requestId"] == id)
        #expect(await client.finish().isEmpty)
    }
}
