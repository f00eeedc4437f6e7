import RecallCore
import Testing

@testable import RecallMCP

/// The one map from `RecallError` to MCP errors, code by code, for methods and for tools.
@Suite struct RecallErrorJSONRPCTests {
    /// Every code, with the JSON-RPC code a method answers and whether the caller can fix it.
    static let cases: [(code: RecallError.Code, rpc: Int)] = [
        (.invalidArgument, -32602), (.notFound, -32602), (.unreadableFile, -32602), (.unrecognizedFormat, -32602),
        (.tooLarge, -32602), (.conflict, -32602), (.storeUnavailable, -32603), (.storeTooNew, -32603),
        (.cancelled, -32603), (.internalError, -32603),
    ]

    @Test(arguments: cases)
    func methodErrorKeepsTheMessage(_ code: RecallError.Code, _ rpc: Int) {
        let error = RecallError(code, "What happened, where, what to do.").jsonRPCError()
        #expect(error.code == rpc, "\(code)")
        #expect(error.message.hasSuffix("What happened, where, what to do."))
        #expect(error.data == nil)
    }

    @Test(arguments: cases)
    func resourceReadAnswersNotFoundWithTheURI(_ code: RecallError.Code, _ rpc: Int) {
        let error = RecallError(code, "message").jsonRPCError(resource: "recall://chat/chat_9")
        if code == .notFound {
            #expect(error.code == -32002)
            #expect(error.data == .object(["uri": .string("recall://chat/chat_9")]))
        } else {
            #expect(error.code == rpc, "\(code)")
        }
    }

    @Test(arguments: cases)
    func toolFailureIsAnErrorResultWithTheMessage(_ code: RecallError.Code, _ rpc: Int) {
        let result = RecallError(code, "No chat with id chat_9.\nUse list_chats.").toolResult
        #expect(result.isError)
        #expect(result.structured == nil)
        #expect(result.text == "No chat with id chat_9. Use list_chats.")
    }

    @Test func invalidArgumentsNameEveryFieldInOrder() {
        let error = RecallError.invalidArguments([
            ArgumentProblem(field: "limit", problem: "must be an integer from 1 to 50"),
            ArgumentProblem(field: "query", problem: "is required"),
        ])
        #expect(error.code == .invalidArgument)
        #expect(error.message == "Invalid arguments: `limit` must be an integer from 1 to 50; `query` is required")
        #expect(error.fieldErrors == ["limit": "must be an integer from 1 to 50", "query": "is required"])
        #expect(error.jsonRPCError().code == -32602)
    }
}
