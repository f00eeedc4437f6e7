import RecallCore
import Testing
@testable import RecallMCP

/// Pipelined calls see the writes sent before them, as a script piped into `recall serve` expects.
@Suite struct CallOrderTests {
    @Test func aSearchSentRightAfterAnAddFindsTheMemory() async {
        let client = TestClient()
        await client.initialize()
        var script = ""
        for index in 0..<5 {
            script += TestClient.encode(TestClient.toolCall(
                "add_memory", .object(["content": .string("The user collects \(index) rare maps.")]), id: .int(Int64(10 + index)))) + "\n"
            script += TestClient.encode(TestClient.toolCall(
                "search", .object(["query": .string("rare maps"), "scope": .string("memories"), "limit": .int(50)]), id: .int(Int64(20 + index)))) + "\n"
        }
        client.writeRaw(script)
        for index in 0..<5 {
            let found = await client.response(id: .int(Int64(20 + index)))
            let results = found["result"]?["structuredContent"]?["results"]?.arrayValue ?? []
            #expect(results.count == index + 1, "search \(index) saw \(results.count) memories")
        }
        _ = await client.finish()
    }

    @Test func aCallThatNeverRunsDoesNotHoldBackLaterOnes() async throws {
        let order = CallOrder()
        do { _ = order.admit(write: true) }  // admitted, then dropped without running
        let later = order.admit(write: true)
        #expect(try await later.run { 7 } == 7)
    }

    @Test func aDuplicateIDDoesNotStallTheCallsAfterIt() async {
        let gate = Gate()
        let client = TestClient(extraTools: [TestTools.Wait(gate: gate)])
        await client.initialize()
        client.send(TestClient.toolCall("test_wait", .object(["text": .string("first")]), id: .int(5)))
        client.send(TestClient.toolCall("add_memory", .object(["content": .string("The user keeps bees.")]), id: .int(5)))
        let clash = await client.response(id: .int(5))
        #expect(clash["error"]?["code"] == .int(-32600))
        gate.open()
        let after = await client.callTool("add_memory", .object(["content": .string("The user keeps goats.")]), id: .int(6))
        #expect(after["result"]?["isError"] == .bool(false))
        _ = await client.finish()
    }

    @Test func readsBetweenWritesDoNotWaitForEachOther() async throws {
        let order = CallOrder()
        let write = order.admit(write: true)
        let firstRead = order.admit(write: false)
        let secondRead = order.admit(write: false)
        let laterWrite = order.admit(write: true)
        _ = try await write.run { 1 }
        // Both reads can run now, in either order, without the other finishing first.
        async let a: Int = secondRead.run { 2 }
        async let b: Int = firstRead.run { 3 }
        #expect(try await a + b == 5)
        #expect(try await laterWrite.run { 4 } == 4)
    }
}
