import RecallCore
import Testing

@testable import RecallMCP

@Suite struct CancellationTests {
    @Test func cancelledRequestGetsNoResponseAndServerStaysResponsive() async {
        let block = TestTools.Block()
        let client = TestClient(extraTools: [block])
        await client.initialize()
        client.send(
            TestClient.toolCall("test_block", nil, id: .int(7), meta: .object(["progressToken": .string("t7")])))
        // The tool announces itself with a progress notification, so it is surely running.
        let started = await client.next()
        #expect(started?["method"] == .string("notifications/progress"))
        // While it blocks, other requests are answered.
        #expect(await client.request("ping", id: .int(8))["result"] == .object([:]))
        client.notify(
            "notifications/cancelled", params: .object(["requestId": .int(7), "reason": .string("user stopped")]))
        await block.cancelled.wait()
        #expect(await client.request("ping", id: .int(9))["result"] == .object([:]))
        let remaining = await client.finish()
        #expect(!remaining.contains { $0["id"] == .int(7) }, "a cancelled request must get no response: \(remaining)")
    }

    @Test func cancellationThatArrivesFirstStillWins() async {
        let block = TestTools.Block()
        let client = TestClient(extraTools: [block])
        await client.initialize()
        // Both lines in one write: the cancel is read before the tool's task can start working.
        let call = TestClient.encode(TestClient.toolCall("test_block", nil, id: .string("b")))
        let cancel = #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"b"}}"#
        client.writeRaw(call + "\n" + cancel + "\n")
        await block.cancelled.wait()
        #expect(await client.finish().isEmpty)
    }

    @Test func lateOrUnknownCancellationIsIgnored() async {
        let client = TestClient()
        await client.initialize()
        let list = await client.request("tools/list", id: .int(1))
        #expect(list["result"] != nil)
        client.notify("notifications/cancelled", params: .object(["requestId": .int(1)]))
        client.notify("notifications/cancelled", params: .object(["requestId": .string("never-sent")]))
        client.notify("notifications/cancelled", params: .object(["reason": .string("no id")]))
        #expect(await client.request("ping", id: .int(2))["result"] == .object([:]))
        #expect(await client.finish().isEmpty)
    }
}
