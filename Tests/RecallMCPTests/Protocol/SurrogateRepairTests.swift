import Foundation
import RecallCore
import Testing

@testable import RecallMCP

/// A lone UTF-16 surrogate costs one character (U+FFFD), not the whole request.
@Suite struct SurrogateRepairTests {
    private func repaired(_ text: String) -> String {
        String(decoding: SurrogateRepair.repaired(Data(text.utf8)), as: UTF8.self)
    }

    @Test func loneHalvesBecomeTheReplacementCharacter() {
        #expect(repaired(#""a\ud83d b""#) == #""a\uFFFD b""#)
        #expect(repaired(#""a\uDE00 b""#) == #""a\uFFFD b""#)
        #expect(repaired(#""\ud83d\ud83d\ude00""#) == #""\uFFFD\ud83d\ude00""#)
        #expect(repaired(#""end \ud800""#) == #""end \uFFFD""#)
        #expect(repaired(#""\ud800x\udc00""#) == #""\uFFFDx\uFFFD""#)
    }

    @Test func pairsAndOtherEscapesAreLeftAlone() {
        for text in [#""\ud83d\ude00""#, #""\\ud800""#, #""\u00e9\n\"\\""#, #"{"a":[1,2]}"#] {
            #expect(SurrogateRepair.repaired(Data(text.utf8)) == Data(text.utf8), "\(text)")
        }
    }

    @Test func bytesThatAreNotUTF8AreReplacedToo() {
        let line = Data([0x22, 0x61, 0xED, 0xA0, 0x80, 0x62, 0x22])  // "a<CESU-8 surrogate>b"
        let text = String(decoding: SurrogateRepair.repaired(line), as: UTF8.self)
        #expect(text.hasPrefix("\"a\u{FFFD}") && text.hasSuffix("b\""))
    }

    @Test func aRequestWithALoneSurrogateIsAnswered() async {
        let client = TestClient()
        await client.initialize()
        client.writeRaw(
            #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"add_memory","arguments":{"content":"Likes \ud83d tea"}}}"#
                + "\n")
        let response = await client.response(id: .int(7))
        #expect(response["result"]?["isError"] == .bool(false))
        #expect(response["result"]?["structuredContent"]?["memories"]?[0]?["content"] == .string("Likes \u{FFFD} tea"))
        _ = await client.finish()
    }

    @Test func anErrorForAnUnreadableIDCarriesNull() async {
        let client = TestClient()
        await client.initialize()
        client.writeRaw("{not json\n")
        let message = await client.next()
        #expect(message?["id"] == .null)
        #expect(message?["error"]?["code"] == .int(-32700))
        _ = await client.finish()
    }
}
