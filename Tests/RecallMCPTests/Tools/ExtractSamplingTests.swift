import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallMCP

/// `extract_memories` with `use_sampling`: the client's model proposes facts, the rules check them.
@Suite(.eachStore) struct ExtractSamplingTests {
    private static let sampling: JSONValue = .object(["sampling": .object([:])])

    /// Answers the server's `sampling/createMessage` request with `text`, and returns the request.
    private func answer(_ client: TestClient, with text: String) async -> JSONValue? {
        let request = await client.next()
        guard let id = request?["id"] else { return nil }
        client.send(
            .object([
                "jsonrpc": .string("2.0"), "id": id,
                "result": .object([
                    "role": .string("assistant"), "model": .string("test-model"), "stopReason": .string("endTurn"),
                    "content": .object(["type": .string("text"), "text": .string(text)]),
                ]),
            ]))
        return request
    }

    private func extract(_ client: TestClient, _ text: String, id: JSONValue = .int(1)) {
        client.send(
            TestClient.toolCall(
                "extract_memories", .object(["text": .string(text), "use_sampling": .bool(true)]), id: id))
    }

    @Test func theClientsModelProposesAndTheRulesDecide() async throws {
        let client = TestClient()
        await client.initialize(capabilities: Self.sampling)
        extract(client, "There are two beehives on my roof. I love jazz.")
        let reply =
            #"{"facts": [{"message_id": "text", "content": "The user keeps bees on their roof.", "type": "fact", "confidence": 0.8},"#
            + #" {"message_id": "msg_41", "content": "The user is an astronaut."}, {"message_id": "text", "content": "Bees make honey."}]}"#
        let request = await answer(client, with: reply)
        #expect(request?["method"] == .string("sampling/createMessage"))
        let params = request?["params"]
        #expect(params?["maxTokens"] == .int(Int64(SamplingReply.maxTokens)))
        #expect(params?["systemPrompt"]?.stringValue?.isEmpty == false)
        #expect(params?["messages"]?[0]?["content"]?["text"]?.stringValue?.contains("[text] ") == true)

        let response = await client.response(id: .int(1))
        #expect(response["result"]?["isError"] == .bool(false), "\(response)")
        let result = try #require(response["result"]?["structuredContent"])
        let report = try #require(result["sampling"])
        #expect(report["used"] == .bool(true) && report["model"] == .string("test-model"))
        #expect(report["proposed"] == .int(3) && report["accepted"] == .int(1))
        #expect(
            report["rejected"]?.arrayValue?.compactMap { $0["reason"]?.stringValue } == [
                "cites msg_41, which is not one of the messages read",
                "is not a sentence about the user (say \"The user …\")",
            ])
        let candidates = result["candidates"]?.arrayValue ?? []
        #expect(candidates.map { $0["origin"] } == [.string("rules"), .string("model")])
        #expect(
            candidates.map { $0["content"] } == [
                .string("The user loves jazz."), .string("The user keeps bees on their roof."),
            ])
        #expect(result["added"] == .int(2))
        _ = await client.finish()
    }

    @Test func withoutTheCapabilityTheRulesAnswerAlone() async {
        let client = TestClient()
        await client.initialize()
        let response = await client.callTool(
            "extract_memories", .object(["text": .string("I love jazz."), "use_sampling": .bool(true)]))
        let result = response["result"]?["structuredContent"]
        #expect(result?["sampling"]?["used"] == .bool(false))
        #expect(result?["sampling"]?["note"]?.stringValue?.contains("sampling capability") == true)
        #expect(result?["added"] == .int(1))
        #expect(await client.finish().isEmpty)
    }

    @Test func aDeclinedRequestFallsBackToTheRules() async {
        let client = TestClient()
        await client.initialize(capabilities: Self.sampling)
        extract(client, "I love jazz.")
        guard let id = await client.next()?["id"] else {
            Issue.record("no sampling request")
            return
        }
        client.send(
            .object([
                "jsonrpc": .string("2.0"), "id": id,
                "error": .object(["code": .int(-1), "message": .string("User rejected sampling request")]),
            ]))
        let result = await client.response(id: .int(1))["result"]?["structuredContent"]
        #expect(result?["sampling"]?["used"] == .bool(false))
        #expect(result?["sampling"]?["note"]?.stringValue?.contains("User rejected") == true)
        #expect(result?["candidates"]?[0]?["content"] == .string("The user loves jazz."))
        _ = await client.finish()
    }

    @Test func anUnreadableReplyIsReportedAndIgnored() async {
        let client = TestClient()
        await client.initialize(capabilities: Self.sampling)
        extract(client, "I love jazz.")
        _ = await answer(client, with: "Sorry, I can't help with that.")
        let result = await client.response(id: .int(1))["result"]?["structuredContent"]
        #expect(result?["sampling"]?["used"] == .bool(true))
        #expect(result?["sampling"]?["proposed"] == .int(0))
        #expect(result?["sampling"]?["note"]?.stringValue?.contains("no JSON") == true)
        #expect(result?["added"] == .int(1))
        _ = await client.finish()
    }
}
