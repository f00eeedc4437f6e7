import RecallCore
import RecallTestSupport
import Testing

@testable import RecallMCP

/// The tool schemas advertise the bounds in `Limits`, the ones the core and the CLI check.
@Suite(.eachStore) struct LimitsTests {
    private static func bounds(_ schema: JSONValue, _ property: String) -> ClosedRange<Int>? {
        guard case .int(let low)? = schema["properties"]?[property]?["minimum"],
            case .int(let high)? = schema["properties"]?[property]?["maximum"]
        else { return nil }
        return Int(low)...Int(high)
    }

    @Test func toolSchemasReadTheLimits() {
        #expect(Self.bounds(SearchTool.inputSchema, "limit") == Limits.searchResultsPerPage)
        #expect(Self.bounds(ListMemoriesTool.inputSchema, "limit") == Limits.memoriesPerPage)
        #expect(Self.bounds(ListChatsTool.inputSchema, "page_size") == Limits.chatsPerPage)
        #expect(Self.bounds(GetConversationTool.inputSchema, "limit") == Limits.conversationMessagesPerToolCall)
        #expect(Self.bounds(GetConversationTool.inputSchema, "before") == Limits.messagesAround)
        #expect(Self.bounds(GetConversationTool.inputSchema, "after") == Limits.messagesAround)
        #expect(Self.bounds(GetContextTool.inputSchema, "max_tokens") == Limits.contextTokensPerToolCall)
    }

    @Test func toolBoundsFitInsideTheCoreBounds() {
        #expect(Limits.searchResults.contains(Limits.searchResultsPerPage.upperBound))
        #expect(Limits.searchResultsPerPage.upperBound < Limits.searchResults.upperBound)
        #expect(Limits.conversationMessages.contains(Limits.conversationMessagesPerToolCall.upperBound))
        #expect(Limits.contextTokens.contains(Limits.contextTokensPerToolCall.lowerBound))
        #expect(Limits.contextTokens.contains(Limits.contextTokensPerToolCall.upperBound))
        // About four characters a token: the largest context block fits in one tool result.
        #expect(Limits.contextTokensPerToolCall.upperBound * 4 <= Limits.toolResultCharacters)
    }

    @Test func theCoreRefusesWhatIsOutsideTheLimits() {
        let recall = Recall.testStore()
        #expect(throws: RecallError.self) {
            try recall.search(SearchRequest(query: "tea", limit: Limits.searchResults.upperBound + 1))
        }
        #expect(throws: RecallError.self) {
            try recall.listChats(ChatListRequest(page: 1, pageSize: Limits.chatsPerPage.upperBound + 1))
        }
        #expect(throws: RecallError.self) {
            try recall.context(ContextRequest(query: "tea", maxTokens: Limits.contextTokens.upperBound + 1))
        }
    }
}
