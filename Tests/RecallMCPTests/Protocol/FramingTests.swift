import Foundation
import RecallCore
import Testing

@testable import RecallMCP

/// Line framing as real clients exercise it, through the whole server.
@Suite struct FramingTests {
    private static let ping1 = #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#
    private static let ping2 = #"{"jsonrpc":"2.0","id":2,"method":"ping"}"#

    @Test func crlfLinesAreAccepted() async {
        let client = TestClient()
        client.writeRaw(Self.ping1 + "\r\n")
        #expect(await client.response(id: .int(1))["result"] == .object([:]))
        _ = await client.finish()
    }

    @Test func twoMessagesInOneWrite() async {
        let client = TestClient()
        client.writeRaw(Self.ping1 + "\n" + Self.ping2 + "\n")
        #expect(await client.next()?["id"] == .int(1))
        #expect(await client.next()?["id"] == .int(2))
        _ = await client.finish()
    }

    @Test func oneMessageSplitAcrossWrites() async {
        let client = TestClient()
        for character in Self.ping1 { client.writeRaw(String(character)) }
        client.writeRaw("\n")
        #expect(await client.response(id: .int(1))["result"] == .object([:]))
        _ = await client.finish()
    }

    @Test func blankLinesAreSkipped() async {
        let client = TestClient()
        client.writeRaw("\n\r\n   \n\t\n" + Self.ping1 + "\n\n\n")
        let remaining = await client.finish()
        #expect(remaining.count == 1)
        #expect(remaining.first?["id"] == .int(1))
    }

    @Test func lastLineWithoutLineEndingIsServed() async {
        let client = TestClient()
        client.writeRaw(Self.ping1)
        let remaining = await client.finish()
        #expect(remaining.first?["id"] == .int(1))
    }

    @Test func veryLongLineRoundTrips() async {
        let client = TestClient(extraTools: [TestTools.Echo()])
        await client.initialize()
        // Beyond the result cap on purpose: the 3 MB argument is read whole, then refused politely.
        let text = String(repeating: "abcdefghij", count: 300_000)
        let response = await client.callTool("test_echo", .object(["text": .string(text)]), id: .int(5))
        #expect(response["result"]?["isError"] == .bool(true))
        #expect(response["result"]?["content"]?[0]?["text"]?.stringValue?.contains("too large") == true)
        let small = String(repeating: "é", count: 30_000)
        let echoed = await client.callTool("test_echo", .object(["text": .string(small)]), id: .int(6))
        #expect(echoed["result"]?["structuredContent"]?["text"] == .string(small))
        _ = await client.finish()
    }

    @Test(arguments: [
        "plain", "ümlaut café 日本語 🚀👩‍👩‍👧", "line\u{2028}separator\u{2029}paragraph",
        "new\nline\r\ttab \"quote\" \\ back/slash",
        "\u{0}\u{1}\u{1F}", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk",
        "data:text/plain,hello%20world", "</script><script>alert(1)</script>",
    ])
    func stringsRoundTripUnchanged(_ text: String) async {
        let client = TestClient(extraTools: [TestTools.Echo()])
        await client.initialize()
        let response = await client.callTool("test_echo", .object(["text": .string(text)]), id: .int(1))
        #expect(response["result"]?["structuredContent"]?["text"] == .string(text))
        let block = response["result"]?["content"]?[0]?["text"]?.stringValue ?? ""
        #expect(TestClient.parse(block)?["text"] == .string(text))
        _ = await client.finish()
        // Every line the server wrote is one JSON message with no raw line break inside.
        for line in await client.inbox.rawLines {
            #expect(!line.contains("\n") && !line.contains("\r"))
            #expect(TestClient.parse(line)?.objectValue != nil)
        }
    }
}
