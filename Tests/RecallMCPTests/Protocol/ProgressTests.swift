import RecallCore
import Synchronization
import Testing

@testable import RecallMCP

@Suite struct ProgressTests {
    @Test func progressIncreasesAndPrecedesTheResponse() async {
        let client = TestClient(extraTools: [TestTools.Progress()])
        await client.initialize()
        client.send(TestClient.toolCall("test_progress", nil, id: .int(3), meta: .object(["progressToken": .int(42)])))
        var values: [JSONValue] = []
        while let message = await client.next() {
            if message["id"] == .int(3) { break }
            #expect(message["method"] == .string("notifications/progress"))
            #expect(message["params"]?["progressToken"] == .int(42))
            #expect(message["params"]?["total"] == .int(3))
            if let progress = message["params"]?["progress"] { values.append(progress) }
        }
        #expect(values == [.int(1), .int(2), .int(3)])
        #expect(await client.finish().isEmpty, "nothing may follow the response")
    }

    @Test func withoutTokenNoProgressIsSent() async {
        let client = TestClient(extraTools: [TestTools.Progress()])
        await client.initialize()
        client.send(TestClient.toolCall("test_progress", nil, id: .int(3)))
        #expect(await client.next()?["id"] == .int(3))
        #expect(await client.finish().isEmpty)
    }

    @Test func channelDropsDecreasesAndEverythingAfterClose() {
        let sent = Mutex<[JSONValue]>([])
        let channel = ProgressChannel(token: .string("p")) { message in
            sent.withLock { $0.append(message.json["params"]?["progress"] ?? .null) }
        }
        channel.report(0.5)
        channel.report(0.25)
        channel.report(0.5)
        channel.report(2)
        channel.close()
        channel.report(3)
        #expect(sent.withLock { $0 } == [.double(0.5), .int(2)])
    }

    @Test func throttleLetsTheFirstCallThrough() {
        let throttle = ProgressThrottle(interval: .seconds(3600))
        #expect(throttle.allows())
        #expect(!throttle.allows())
        #expect(ProgressThrottle(interval: .zero).allows())
    }
}
