import RecallCore
import Testing

@testable import RecallMCP

/// JSON-RPC error codes: which malformed input gets which code, and when the id is echoed.
@Suite struct ErrorCodeTests {
    /// Sends one raw line and returns the single message it produced.
    private func answer(to line: String, initialized: Bool = true) async -> JSONValue? {
        let client = TestClient()
        if initialized { await client.initialize() }
        client.writeRaw(line + "\n")
        let remaining = await client.finish()
        #expect(remaining.count == 1, "expected exactly one answer to \(line), got \(remaining)")
        return remaining.first
    }

    @Test(arguments: ["{not json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"", "\u{FEFF}garbage", "nul"])
    func parseErrorHasANullID(_ line: String) async {
        let response = await answer(to: line)
        #expect(response?["error"]?["code"] == .int(-32700))
        // JSON-RPC 2.0, section 5: an id that could not be read is answered with null.
        #expect(response?.objectValue?["id"] == .null)
        #expect(response?["jsonrpc"] == .string("2.0"))
    }

    @Test func requestWithoutMethodIsInvalidAndEchoesTheID() async {
        let response = await answer(to: #"{"jsonrpc":"2.0","id":5}"#)
        #expect(response?["error"]?["code"] == .int(-32600))
        #expect(response?["id"] == .int(5))
    }

    @Test(arguments: [
        #"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"ping"}]"#, "[]", "42", #""ping""#,
        "null",
        #"{"jsonrpc":"2.0","id":null,"method":"ping"}"#, #"{"jsonrpc":"2.0","id":1.5,"method":"ping"}"#,
        #"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#, #"{"jsonrpc":"2.0","id":true,"method":"ping"}"#,
    ])
    func invalidRequestWithoutReadableIDHasANullID(_ line: String) async {
        let response = await answer(to: line)
        #expect(response?["error"]?["code"] == .int(-32600))
        #expect(response?.objectValue?["id"] == .null)
    }

    @Test(arguments: [
        #"{"jsonrpc":"1.0","id":7,"method":"ping"}"#, #"{"id":7,"method":"ping"}"#,
        #"{"jsonrpc":"2.0","id":7,"method":42}"#, #"{"jsonrpc":"2.0","id":7,"method":"ping","params":"x"}"#,
    ])
    func invalidRequestWithReadableIDEchoesIt(_ line: String) async {
        let response = await answer(to: line)
        #expect(response?["error"]?["code"] == .int(-32600))
        #expect(response?["id"] == .int(7))
    }

    @Test(arguments: [true, false])
    func unknownMethodEchoesTheID(initialized: Bool) async {
        let response = await answer(
            to: #"{"jsonrpc":"2.0","id":"abc","method":"completion/complete","params":{}}"#, initialized: initialized)
        #expect(response?["error"]?["code"] == .int(-32601))
        #expect(response?["id"] == .string("abc"))
    }

    @Test func notificationsNeverGetAnAnswer() async {
        let client = TestClient()
        await client.initialize()
        client.notify("notifications/unknown", params: .object(["x": .int(1)]))
        client.notify("tools/list")
        client.notify("notifications/cancelled", params: .object(["requestId": .int(999)]))
        client.notify("notifications/progress", params: .string("not structured"))
        client.writeRaw(#"{"jsonrpc":"2.0","method":"ping","params":[1]}"# + "\n")
        #expect(await client.finish().isEmpty)
    }

    @Test func nullParamsCountAsNone() async {
        let client = TestClient()
        client.writeRaw(#"{"jsonrpc":"2.0","id":1,"method":"ping","params":null}"# + "\n")
        #expect(await client.response(id: .int(1))["result"] == .object([:]))
        _ = await client.finish()
    }

    @Test func unexpectedResponsesAreIgnored() async {
        let client = TestClient()
        await client.initialize()
        client.writeRaw(#"{"jsonrpc":"2.0","id":12345,"result":{}}"# + "\n")
        client.writeRaw(#"{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"}}"# + "\n")
        #expect(await client.finish().isEmpty)
    }

    @Test func unknownToolIsInvalidParams() async {
        let client = TestClient()
        await client.initialize()
        let response = await client.callTool("no_such_tool", .object([:]), id: .int(4))
        #expect(response["error"]?["code"] == .int(-32602))
        #expect(response["error"]?["message"]?.stringValue?.contains("no_such_tool") == true)
        _ = await client.finish()
    }

    @Test(arguments: [
        JSONValue.object(["arguments": .object([:])]),
        .object(["name": .int(3)]),
        .object(["name": .string("search"), "arguments": .array([])]),
        .object(["name": .string("search"), "arguments": .string("query=x")]),
    ])
    func badToolCallEnvelopeIsInvalidParams(_ params: JSONValue) async {
        let client = TestClient()
        await client.initialize()
        let response = await client.request("tools/call", params: params, id: .int(8))
        #expect(response["error"]?["code"] == .int(-32602))
        _ = await client.finish()
    }

    @Test func arrayParamsAreInvalidParams() async {
        let client = TestClient()
        await client.initialize()
        let response = await client.request("tools/list", params: .array([]), id: .int(8))
        #expect(response["error"]?["code"] == .int(-32602))
        _ = await client.finish()
    }

    @Test(arguments: ["tools/list", "prompts/list", "resources/templates/list", "resources/list"])
    func badCursorIsInvalidParams(_ method: String) async {
        let client = TestClient()
        await client.initialize()
        let unknown = await client.request(method, params: .object(["cursor": .string("bogus")]), id: .int(1))
        #expect(unknown["error"]?["code"] == .int(-32602))
        let wrongType = await client.request(method, params: .object(["cursor": .int(5)]), id: .int(2))
        #expect(wrongType["error"]?["code"] == .int(-32602))
        _ = await client.finish()
    }

    @Test func duplicateIDInFlightIsRejected() async {
        let gate = Gate()
        let client = TestClient(extraTools: [TestTools.Wait(gate: gate)])
        await client.initialize()
        client.send(TestClient.toolCall("test_wait", .object(["text": .string("first")]), id: .int(1)))
        let duplicate = await client.callTool("test_wait", .object(["text": .string("second")]), id: .int(1))
        #expect(duplicate["error"]?["code"] == .int(-32600))
        gate.open()
        let first = await client.response(id: .int(1))
        #expect(first["result"]?["structuredContent"]?["text"] == .string("first"))
        _ = await client.finish()
    }
}
