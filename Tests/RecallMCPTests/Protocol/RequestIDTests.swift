import RecallCore
import Testing

@testable import RecallMCP

@Suite struct RequestIDTests {
    @Test(arguments: [
        JSONValue.int(0), .int(-1), .int(-9_007_199_254_740_991), .int(9_007_199_254_740_991), .int(Int64.max),
        .string("7b0d6a3e-2f0c-4c8e-9d1e-1f2a3b4c5d6e"), .string(""), .string("0"), .string("ümlaut 🚀"),
    ])
    func idsAreEchoedWithTypeAndValue(_ id: JSONValue) async {
        let client = TestClient()
        let ping = await client.request("ping", id: id)
        #expect(ping["id"] == id)
        await client.initialize()
        let list = await client.request("tools/list", id: id)
        #expect(list["id"] == id)
        let call = await client.callTool("memory_stats", id: id)
        #expect(call["id"] == id)
        _ = await client.finish()
    }

    @Test func largeIntegerIDKeepsEveryDigitOnTheWire() async {
        let client = TestClient()
        client.writeRaw(#"{"jsonrpc":"2.0","id":9007199254740993,"method":"ping"}"# + "\n")
        _ = await client.next()
        #expect(await client.inbox.rawLines.first?.contains(#""id":9007199254740993"#) == true)
        _ = await client.finish()
    }
}
