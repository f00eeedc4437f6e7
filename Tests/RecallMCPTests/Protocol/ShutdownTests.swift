import RecallCore
import Testing

@testable import RecallMCP

/// End of input: stop reading, finish what is in flight, write every response, then return.
@Suite struct ShutdownTests {
    @Test func pipelinedCallsAreAllAnsweredAfterEndOfInput() async {
        let gate = Gate()
        let client = TestClient(extraTools: [TestTools.Wait(gate: gate)])
        var script = TestClient.encode(
            TestClient.request(
                "initialize",
                params: .object(["protocolVersion": .string("2025-06-18"), "capabilities": .object([:])]), id: .int(0)))
        script += "\n" + #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#
        let count = 20
        for index in 1...count {
            script +=
                "\n"
                + TestClient.encode(
                    TestClient.toolCall(
                        "test_wait", .object(["text": .string("call \(index)")]), id: .int(Int64(index))))
        }
        script += "\n" + TestClient.encode(TestClient.toolCall("memory_stats", nil, id: .int(Int64(count + 1))))
        client.writeRaw(script + "\n")
        client.transport.closeInput()
        // Only now let the calls finish: a server that stopped at end of input would lose them.
        gate.open()
        let messages = await client.finish()
        let ids = Set(
            messages.compactMap { message -> Int64? in
                if case .int(let id)? = message["id"] { return id }
                return nil
            })
        #expect(ids == Set(0...Int64(count + 1)))
        for index in 1...count {
            let response = messages.first { $0["id"] == .int(Int64(index)) }
            #expect(response?["result"]?["structuredContent"]?["text"] == .string("call \(index)"))
        }
    }

    @Test func endOfInputWhileWaitingOnTheClientDoesNotHang() async {
        let client = TestClient(extraTools: [TestTools.Sample()])
        await client.initialize(capabilities: .object(["sampling": .object([:])]))
        client.send(TestClient.toolCall("test_sample", .object(["text": .string("hi")]), id: .int(2)))
        let request = await client.next()
        #expect(request?["method"] == .string("sampling/createMessage"))
        let remaining = await client.finish()
        let response = remaining.first { $0["id"] == .int(2) }
        #expect(response?["result"]?["isError"] == .bool(true))
    }

    @Test func emptyInputStopsAtOnce() async {
        let client = TestClient()
        #expect(await client.finish().isEmpty)
    }
}
