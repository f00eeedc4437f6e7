import RecallCore
import Testing

@testable import RecallMCP

/// The typed MCP methods: which names are answered, in which phase, and what is refused.
@Suite struct MethodRegistryTests {
    /// The methods a handshake client may call.
    static let answered = [
        "initialize", "logging/setLevel", "ping", "prompts/get", "prompts/list", "resources/list", "resources/read",
        "resources/templates/list", "tools/call", "tools/list",
    ]

    @Test func theRegistryHoldsEveryAnsweredMethodOnce() {
        #expect(MethodRegistry().names == (Self.answered + ["server/discover"]).sorted())
        #expect(MethodRegistry.standard.count == Self.answered.count + 1)
    }

    @Test func eachMethodNamesTheRevisionsThatHaveIt() {
        let handshake = ProtocolVersion.latest
        let stateless = ProtocolVersion.stateless
        #expect(MethodRevisions.handshake.contains(handshake) && !MethodRevisions.handshake.contains(stateless))
        #expect(MethodRevisions.stateless.contains(stateless) && !MethodRevisions.stateless.contains(handshake))
        #expect(PingMethod.revisions == .handshake && InitializeMethod.revisions == .handshake)
        #expect(SetLogLevelMethod.revisions == .handshake)
        #expect(DiscoverMethod.revisions == .stateless)
        #expect(ListToolsMethod.revisions == .all && CallToolMethod.revisions == .all)
    }

    @Test func onlyTheStatelessRevisionsMethodsAndEnvelopesAreServedStatelessly() {
        let registry = MethodRegistry()
        let envelope: JSONValue = .object([
            "_meta": .object(["io.modelcontextprotocol/protocolVersion": .string("2026-07-28")])
        ])
        #expect(registry.isStateless("server/discover", params: nil))
        #expect(registry.isStateless("tools/list", params: envelope))
        #expect(!registry.isStateless("tools/list", params: .object([:])))
        #expect(!registry.isStateless("ping", params: nil))
    }

    @Test func discoverWithoutItsEnvelopeIsInvalidParamsEvenAfterInitialize() async {
        let client = TestClient()
        await client.initialize()
        let response = await client.request("server/discover", params: .object([:]), id: .int(3))
        #expect(response["error"]?["code"] == .int(-32602), "\(response)")
        _ = await client.finish()
    }

    @Test(arguments: [
        "logging/setlevel", "resources/subscribe", "completion/complete", "tools/List", "notifications/initialized",
        "sampling/createMessage",
    ])
    func anythingElseIsMethodNotFound(_ method: String) async {
        let client = TestClient()
        await client.initialize()
        let response = await client.request(method, params: .object(["level": .string("debug")]), id: .int(3))
        #expect(response["error"]?["code"] == .int(-32601), "\(method): \(response)")
        _ = await client.finish()
    }

    @Test(arguments: answered.filter { $0 != "initialize" && $0 != "ping" })
    func sessionMethodsWaitForInitialize(_ method: String) async {
        let client = TestClient()
        let response = await client.request(method, params: .object([:]), id: .int(4))
        #expect(response["error"]?["code"] == .int(-32600), "\(method): \(response)")
        _ = await client.finish()
    }

    @Test(arguments: ["tools/list", "resources/templates/list", "prompts/list"])
    func singlePageListsRefuseCursors(_ method: String) async {
        let client = TestClient()
        await client.initialize()
        let unknown = await client.request(method, params: .object(["cursor": .string("2")]), id: .int(5))
        #expect(unknown["error"]?["code"] == .int(-32602))
        let wrongType = await client.request(method, params: .object(["cursor": .int(2)]), id: .int(6))
        #expect(wrongType["error"]?["code"] == .int(-32602))
        let null = await client.request(method, params: .object(["cursor": .null]), id: .int(7))
        #expect(null["result"] != nil)
        _ = await client.finish()
    }

    @Test func paramsOfTheWrongTypeNameTheField() async {
        let client = TestClient()
        await client.initialize()
        let response = await client.request("tools/call", params: .object(["name": .int(1)]), id: .int(8))
        #expect(response["error"]?["code"] == .int(-32602))
        #expect(response["error"]?["message"]?.stringValue?.contains("`name`") == true)
        _ = await client.finish()
    }

    @Test func olderRevisionsGetNoTitles() async {
        let client = TestClient()
        await client.initialize(version: "2025-03-26")
        let templates = await client.request("resources/templates/list", id: .int(9))
        #expect(templates["result"]?["resourceTemplates"]?[0]?["title"] == nil)
        #expect(templates["result"]?["resourceTemplates"]?[0]?["uriTemplate"] == .string("recall://chat/{id}"))
        let prompts = await client.request("prompts/list", id: .int(10))
        #expect(prompts["result"]?["prompts"]?[0]?["title"] == nil)
        #expect(prompts["result"]?["prompts"]?[0]?["arguments"]?[0]?["required"] == .bool(true))
        _ = await client.finish()
    }
}
