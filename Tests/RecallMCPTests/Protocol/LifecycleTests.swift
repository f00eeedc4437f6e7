import RecallCore
import Testing

@testable import RecallMCP

@Suite struct LifecycleTests {
    @Test(arguments: ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"])
    func supportedVersionIsEchoed(_ version: String) async {
        let client = TestClient()
        let response = await client.initialize(version: version)
        #expect(response["id"] == .string("init"))
        #expect(response["result"]?["protocolVersion"] == .string(version))
        _ = await client.finish()
    }

    @Test(arguments: ["1900-01-01", "2026-07-28", ""])
    func unknownVersionGetsTheLatest(_ version: String) async {
        let client = TestClient()
        let response = await client.initialize(version: version)
        #expect(response["result"]?["protocolVersion"] == .string("2025-11-25"))
        _ = await client.finish()
    }

    @Test func initializeResultDeclaresWhatIsImplemented() async {
        let client = TestClient()
        let result = await client.initialize()["result"]
        let capabilities = result?["capabilities"]
        #expect(capabilities?["tools"] == .object(["listChanged": .bool(false)]))
        #expect(capabilities?["resources"] == .object(["listChanged": .bool(false)]))
        #expect(capabilities?["prompts"] == .object(["listChanged": .bool(false)]))
        #expect(capabilities?["logging"] == .object([:]))
        #expect(
            result?["serverInfo"]
                == .object([
                    "name": .string("recall"), "title": .string("Recall"), "version": .string("9.9.9-test"),
                ]))
        let instructions = result?["instructions"]?.stringValue ?? ""
        #expect(!instructions.isEmpty && instructions.count <= 600)
        for mention in ["search", "get_conversation", "next_cursor", "add_memory"] {
            #expect(instructions.contains(mention))
        }
        _ = await client.finish()
    }

    @Test func olderVersionsGetNoTitle() async {
        let client = TestClient()
        let result = await client.initialize(version: "2025-03-26")["result"]
        #expect(result?["serverInfo"]?["title"] == nil)
        _ = await client.finish()
    }

    @Test func pingWorksBeforeInitialize() async {
        let client = TestClient()
        let response = await client.request("ping", id: .int(3))
        #expect(response == .object(["jsonrpc": .string("2.0"), "id": .int(3), "result": .object([:])]))
        _ = await client.finish()
    }

    @Test func serverDiscoverWithoutItsEnvelopeIsAnErrorEvenBeforeInitialize() async {
        let client = TestClient()
        let response = await client.request("server/discover", params: .object([:]), id: .string("probe-1"))
        #expect(response["id"] == .string("probe-1"))
        #expect(response["error"]?["code"] == .int(-32602))
        // The probe does not upset the session: the handshake still works.
        #expect(await client.initialize()["result"] != nil)
        _ = await client.finish()
    }

    @Test func requestsBeforeInitializeAreRejectedNamingTheVersions() async {
        let client = TestClient()
        for (index, method) in ["tools/list", "tools/call", "resources/list", "prompts/list", "logging/setLevel"]
            .enumerated()
        {
            let response = await client.request(method, params: .object([:]), id: .int(Int64(index)))
            #expect(response["error"]?["code"] == .int(-32600), "\(method)")
            let message = response["error"]?["message"]?.stringValue ?? ""
            #expect(message.contains("2025-11-25") && message.contains("2024-11-05"), "\(method)")
        }
        _ = await client.finish()
    }

    @Test func secondInitializeIsRejected() async {
        let client = TestClient()
        await client.initialize()
        let again = await client.request(
            "initialize", params: .object(["protocolVersion": .string("2025-06-18"), "capabilities": .object([:])]),
            id: .int(2))
        #expect(again["error"]?["code"] == .int(-32600))
        // The first negotiation stands.
        let tools = await client.request("tools/list", id: .int(3))
        #expect(tools["result"]?["tools"]?.arrayValue?.first?["title"] != nil)
        _ = await client.finish()
    }

    @Test func initializeWithoutVersionIsInvalidParams() async {
        let client = TestClient()
        let response = await client.request("initialize", params: .object(["capabilities": .object([:])]), id: .int(1))
        #expect(response["error"]?["code"] == .int(-32602))
        #expect(await client.initialize()["result"] != nil)
        _ = await client.finish()
    }

    @Test func pipelinedRequestRightAfterInitializeSeesTheSession() async {
        let client = TestClient()
        let initialize = TestClient.request(
            "initialize", params: .object(["protocolVersion": .string("2025-11-25"), "capabilities": .object([:])]),
            id: .int(1))
        let list = TestClient.request("tools/list", id: .int(2))
        client.writeRaw(TestClient.encode(initialize) + "\n" + TestClient.encode(list) + "\n")
        #expect(await client.response(id: .int(2))["result"] != nil)
        _ = await client.finish()
    }

    @Test func initializedNotificationGetsNoAnswerWithOrWithoutParams() async {
        let client = TestClient()
        await client.initialize()
        client.notify("notifications/initialized", params: .object([:]))
        client.notify("notifications/initialized")
        client.send(TestClient.request("ping", id: .int(9)))
        // Notifications are handled in order, so the next message is the ping's answer.
        #expect(await client.next()?["id"] == .int(9))
        #expect(await client.finish().isEmpty)
    }
}
