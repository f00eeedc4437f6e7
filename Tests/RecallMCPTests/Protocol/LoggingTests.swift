import RecallCore
import Testing

@testable import RecallMCP

@Suite struct LoggingTests {
    private func logLines(afterSetting level: String?, logging entries: [(String, String)]) async -> [JSONValue] {
        let client = TestClient(extraTools: [TestTools.Log()])
        await client.initialize()
        if let level {
            let response = await client.request(
                "logging/setLevel", params: .object(["level": .string(level)]), id: .int(1))
            #expect(response["result"] == .object([:]))
        }
        for (index, entry) in entries.enumerated() {
            let response = await client.callTool(
                "test_log", .object(["level": .string(entry.0), "text": .string(entry.1)]), id: .int(Int64(100 + index))
            )
            #expect(response["result"]?["isError"] == .bool(false))
        }
        return await client.finish()
    }

    @Test func setLevelFiltersMessages() async {
        let lines = await logLines(
            afterSetting: "notice", logging: [("debug", "d"), ("info", "i"), ("notice", "n"), ("error", "e")])
        #expect(lines.map { $0["method"] } == Array(repeating: .string("notifications/message"), count: 2))
        #expect(lines.map { $0["params"]?["data"] } == [.string("n"), .string("e")])
        #expect(lines.first?["params"]?["level"] == .string("notice"))
    }

    @Test func debugLetsEverythingThrough() async {
        let lines = await logLines(afterSetting: "debug", logging: [("debug", "d"), ("emergency", "x")])
        #expect(lines.map { $0["params"]?["level"] } == [.string("debug"), .string("emergency")])
    }

    @Test func defaultIsWarningAndAbove() async {
        let lines = await logLines(afterSetting: nil, logging: [("info", "i"), ("warning", "w")])
        #expect(lines.map { $0["params"]?["data"] } == [.string("w")])
    }

    @Test(arguments: [JSONValue.string("verbose"), .string("INFO"), .int(3), .null])
    func invalidLevelIsInvalidParams(_ level: JSONValue) async {
        let client = TestClient()
        await client.initialize()
        let response = await client.request("logging/setLevel", params: .object(["level": level]), id: .int(1))
        #expect(response["error"]?["code"] == .int(-32602))
        _ = await client.finish()
    }

    @Test func levelsAreOrderedAsRFC5424() {
        #expect(
            LogLevel.allCases.sorted() == [.debug, .info, .notice, .warning, .error, .critical, .alert, .emergency])
        #expect(LogLevel.warning < .error && LogLevel.debug < .info)
    }
}
