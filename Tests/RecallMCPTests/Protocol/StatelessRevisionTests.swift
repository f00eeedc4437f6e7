import RecallCore
import Testing

@testable import RecallMCP

/// The stateless revision (2026-07-28) beside the handshake revisions on one connection.
@Suite struct StatelessRevisionTests {
    static func meta(version: String = "2026-07-28", extra: [String: JSONValue] = [:]) -> [String: JSONValue] {
        var meta: [String: JSONValue] = [
            "io.modelcontextprotocol/protocolVersion": .string(version),
            "io.modelcontextprotocol/clientCapabilities": .object([:]),
            "io.modelcontextprotocol/clientInfo": .object(["name": .string("test"), "version": .string("1")]),
        ]
        meta.merge(extra) { $1 }
        return meta
    }

    static func params(_ fields: [String: JSONValue] = [:], meta: [String: JSONValue] = meta()) -> JSONValue {
        var fields = fields
        fields["_meta"] = .object(meta)
        return .object(fields)
    }

    @Test func discoverOffersTheStatelessRevisionFirstWithoutAHandshake() async {
        let client = TestClient()
        let result = await client.request("server/discover", params: Self.params(), id: .string("d"))["result"]
        #expect(result?["resultType"] == .string("complete"))
        #expect(result?["supportedVersions"]?.arrayValue?.first == .string("2026-07-28"))
        #expect(result?["supportedVersions"]?.arrayValue?.contains(.string("2025-11-25")) == true)
        #expect(result?["capabilities"]?["tools"] != nil)
        #expect(result?["cacheScope"] == .string("private"))
        if case .int(let ttl)? = result?["ttlMs"] { #expect(ttl > 0) } else { Issue.record("discover has no ttlMs") }
        #expect(result?["_meta"]?["io.modelcontextprotocol/serverInfo"]?["name"] == .string("recall"))
        _ = await client.finish()
    }

    @Test func listsAndCallsCarryResultTypeAndCacheHints() async {
        let client = TestClient()
        let tools = await client.request("tools/list", params: Self.params(), id: .int(1))["result"]
        #expect(tools?["resultType"] == .string("complete"))
        #expect(tools?["tools"]?.arrayValue?.count == ToolRegistry.standardTools.count)
        #expect(tools?["ttlMs"] != nil && tools?["cacheScope"] == .string("private"))
        let resources = await client.request("resources/list", params: Self.params(), id: .int(2))["result"]
        #expect(resources?["ttlMs"] == .int(0), "the store changes, so its resources are never fresh")
        let call = await client.request(
            "tools/call",
            params: Self.params([
                "name": .string("add_memory"), "arguments": .object(["content": .string("I keep bees.")]),
            ]),
            id: .int(3))["result"]
        #expect(call?["resultType"] == .string("complete"))
        #expect(call?["isError"] == .bool(false))
        #expect(call?["ttlMs"] == nil, "a tool result is not a cacheable list")
        _ = await client.finish()
    }

    @Test func aMissingEnvelopeFieldIsInvalidParams() async {
        let client = TestClient()
        var meta = Self.meta()
        meta["io.modelcontextprotocol/clientCapabilities"] = nil
        let response = await client.request("tools/list", params: Self.params(meta: meta), id: .int(1))
        #expect(response["error"]?["code"] == .int(-32602))
        #expect(response["error"]?["message"]?.stringValue?.contains("clientCapabilities") == true)
        _ = await client.finish()
    }

    @Test func anUnknownRevisionIsRefusedWithTheSupportedList() async {
        let client = TestClient()
        let response = await client.request(
            "tools/list", params: Self.params(meta: Self.meta(version: "2099-01-01")), id: .int(1))
        #expect(response["error"]?["code"] == .int(-32022))
        #expect(response["error"]?["data"]?["requested"] == .string("2099-01-01"))
        #expect(response["error"]?["data"]?["supported"] == .array([.string("2026-07-28")]))
        _ = await client.finish()
    }

    @Test(arguments: ["ping", "initialize", "logging/setLevel", "completion/complete"])
    func methodsTheRevisionDroppedAreUnknown(_ method: String) async {
        let client = TestClient()
        let response = await client.request(method, params: Self.params(), id: .int(1))
        #expect(response["error"]?["code"] == .int(-32601))
        _ = await client.finish()
    }

    @Test func aMissingResourceIsInvalidParamsInThisRevision() async {
        let client = TestClient()
        let response = await client.request(
            "resources/read", params: Self.params(["uri": .string("recall://conversation/chat_999")]), id: .int(1))
        #expect(response["error"]?["code"] == .int(-32602))
        #expect(response["error"]?["data"]?["uri"] == .string("recall://conversation/chat_999"))
        let legacy = TestClient()
        await legacy.initialize()
        let old = await legacy.request(
            "resources/read", params: .object(["uri": .string("recall://conversation/chat_999")]), id: .int(2))
        #expect(old["error"]?["code"] == .int(-32002), "the handshake revisions keep their code")
        _ = await client.finish()
        _ = await legacy.finish()
    }

    @Test func aHandshakeClientAndAStatelessRequestShareAConnection() async {
        let client = TestClient()
        await client.initialize()
        let legacy = await client.request("tools/list", params: .object([:]), id: .int(1))["result"]
        #expect(legacy?["resultType"] == nil, "handshake revisions keep their result shape")
        let modern = await client.request("tools/list", params: Self.params(), id: .int(2))["result"]
        #expect(modern?["resultType"] == .string("complete"))
        _ = await client.finish()
    }
}
