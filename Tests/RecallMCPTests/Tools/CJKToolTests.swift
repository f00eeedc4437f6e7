import RecallCore
import RecallTestSupport
import Testing

@testable import RecallMCP

/// Chinese, Japanese and Korean text through the `search` tool, as DeepSeek and Kimi users write it.
@Suite(.eachStore) struct CJKToolTests {
    @Test func searchFindsCJKMemoriesByOneOrTwoCharacters() async throws {
        let client = TestClient()
        await client.initialize()
        _ = await client.callTool("add_memory", .object(["content": .string("用户每天早上弹钢琴，然后品茶。")]), id: .int(1))
        _ = await client.callTool("add_memory", .object(["content": .string("ユーザーは東京に住んでいます。")]), id: .int(2))
        _ = await client.callTool(
            "add_memory", .object(["content": .string("The user prefers green tea.")]), id: .int(3))
        for (index, query) in ["钢琴", "茶", "東京", "piano 钢琴"].enumerated() {
            let response = await client.callTool(
                "search", .object(["query": .string(query)]), id: .int(Int64(10 + index)))
            #expect(response["result"]?["isError"] == .bool(false))
            let first = response["result"]?["structuredContent"]?["results"]?[0]?["snippet"]?.stringValue ?? ""
            let expected = query.contains("東京") ? "東京" : "钢琴"
            #expect(first.contains(query == "茶" ? "茶" : expected), "\(query) → \(first)")
        }
        _ = await client.finish()
    }
}
