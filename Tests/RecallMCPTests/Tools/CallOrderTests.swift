import RecallCore
import RecallTestSupport
import Synchronization
import Testing

@testable import RecallMCP

/// Pipelined calls see the writes sent before them, as a script piped into `recall serve` expects.
@Suite(.eachStore) struct CallOrderTests {
    @Test func aSearchSentRightAfterAnAddFindsTheMemory() async {
        let client = TestClient()
        await client.initialize()
        var script = ""
        for index in 0..<5 {
            script +=
                TestClient.encode(
                    TestClient.toolCall(
                        "add_memory", .object(["content": .string("The user collects \(index) rare maps.")]),
                        id: .int(Int64(10 + index)))) + "\n"
            script +=
                TestClient.encode(
                    TestClient.toolCall(
                        "search",
                        .object(["query": .string("rare maps"), "scope": .string("memories"), "limit": .int(50)]),
                        id: .int(Int64(20 + index)))) + "\n"
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
        do { _ = order.admit(.write) }  // admitted, then dropped without running
        let later = order.admit(.write)
        #expect(try await later.run { 7 } == 7)
    }

    @Test func aDuplicateIDDoesNotStallTheCallsAfterIt() async {
        let gate = Gate()
        let client = TestClient(extraTools: [TestTools.Wait(gate: gate)])
        await client.initialize()
        client.send(TestClient.toolCall("test_wait", .object(["text": .string("first")]), id: .int(5)))
        client.send(
            TestClient.toolCall("add_memory", .object(["content": .string("The user keeps bees.")]), id: .int(5)))
        let clash = await client.response(id: .int(5))
        #expect(clash["error"]?["code"] == .int(-32600))
        gate.open()
        let after = await client.callTool(
            "add_memory", .object(["content": .string("The user keeps goats.")]), id: .int(6))
        #expect(after["result"]?["isError"] == .bool(false))
        _ = await client.finish()
    }

    @Test func readsBetweenWritesDoNotWaitForEachOther() async throws {
        let order = CallOrder()
        let write = order.admit(.write)
        let firstRead = order.admit(.read)
        let secondRead = order.admit(.read)
        let laterWrite = order.admit(.write)
        _ = try await write.run { 1 }
        // Both reads can run now, in either order, without the other finishing first.
        async let a: Int = secondRead.run { 2 }
        async let b: Int = firstRead.run { 3 }
        #expect(try await a + b == 5)
        #expect(try await laterWrite.run { 4 } == 4)
    }

    @Test(.timeLimit(.minutes(1)))
    func readsAndShortWritesSentDuringALongCallAreAnsweredBeforeItEnds() async {
        let started = Gate()
        let gate = Gate()
        let client = TestClient(extraTools: [TestTools.LongWait(started: started, gate: gate)])
        await client.initialize()
        client.send(TestClient.toolCall("test_long_wait", .object(["text": .string("import")]), id: .int(1)))
        await started.wait()
        // The gate is still closed: each of these must be answered while the long call runs.
        let added = await client.callTool(
            "add_memory", .object(["content": .string("The user keeps bees.")]), id: .int(2))
        #expect(added["result"]?["isError"] == .bool(false))
        let found = await client.callTool(
            "search", .object(["query": .string("bees"), "scope": .string("memories")]), id: .int(3))
        #expect(
            found["result"]?["structuredContent"]?["results"]?.arrayValue?.count == 1,
            "a short write before a read is still seen")
        let stats = await client.callTool("memory_stats", nil, id: .int(4))
        #expect(stats["result"]?["isError"] == .bool(false))
        gate.open()
        let long = await client.response(id: .int(1))
        #expect(long["result"]?["structuredContent"]?["text"] == .string("import"))
        _ = await client.finish()
    }

    @Test(.timeLimit(.minutes(1)))
    func aLongCallWaitsForWhatCameBeforeItAndOnlyTheNextLongCallWaitsForIt() async throws {
        let order = CallOrder()
        let write = order.admit(.write)
        let long = order.admit(.long)
        let read = order.admit(.read)
        let laterWrite = order.admit(.write)
        let secondLong = order.admit(.long)
        let events = EventLog()
        let started = Gate()
        let gate = Gate()
        let note: @Sendable (String) -> Void = { events.append($0) }
        async let longDone: Void = long.run {
            note("long started")
            started.open()
            await gate.wait()
            note("long done")
        }
        async let secondDone: Void = secondLong.run { note("second long") }
        try await write.run { note("write") }
        await started.wait()
        // The long call is running and its gate is closed: these must not wait for it.
        try await read.run { note("read") }
        try await laterWrite.run { note("later write") }
        gate.open()
        _ = try await (longDone, secondDone)
        #expect(events.all == ["write", "long started", "read", "later write", "long done", "second long"])
    }

    @Test(arguments: [
        ("import_chats", JSONValue.object(["path": .string("x.zip")]), CallKind.long),
        ("extract_memories", .object(["import_id": .string("imp_1")]), .long),
        ("extract_memories", .object(["chat_ids": .array([.string("chat_1")])]), .long),
        ("extract_memories", .object(["text": .string("I live in Oslo."), "use_sampling": .bool(true)]), .long),
        ("extract_memories", .object(["text": .string("I live in Oslo.")]), .write),
        ("add_memory", .object(["content": .string("x")]), .write),
        ("search", .object(["query": .string("x")]), .read),
    ])
    func whichCallsAreLong(_ name: String, _ arguments: JSONValue, _ kind: CallKind) {
        #expect(ToolRegistry().kind(of: name, arguments: arguments.objectValue ?? [:]) == kind)
    }
}

/// Events noted by concurrent tasks, in the order they happened.
private final class EventLog: Sendable {
    private let events = Mutex<[String]>([])

    /// Notes one event.
    func append(_ event: String) { events.withLock { $0.append(event) } }

    /// Every event so far.
    var all: [String] { events.withLock { $0 } }
}
