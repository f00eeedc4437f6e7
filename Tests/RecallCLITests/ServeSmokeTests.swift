import Foundation
import Testing

/// One out-of-process check of `recall serve`: real pipes, real framing, real exit.
@Suite(.serialized) struct ServeSmokeTests {
    static let initialize = """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
        "capabilities":{},"clientInfo":{"name":"recall-smoke-test","version":"1.0"}}}
        """
    static let initialized = #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#
    static let toolsList = #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#
    static let ping = #"{"jsonrpc":"2.0","id":3,"method":"ping"}"#

    static let toolNames: Set<String> = [
        "search", "get_context", "add_memory", "list_memories", "update_memory", "forget", "import_chats",
        "list_chats", "get_conversation", "update_chat", "extract_memories", "memory_stats",
    ]

    // The limits guard against a hang, not speed. In a full parallel run the server starts
    // alongside the many `recall` runs of the other CLI tests, and the first of these tests
    // took about a minute on two busy cores.
    @Test(.timeLimit(.minutes(3)))
    func answersEveryRequestThenExitsAtEOF() throws {
        let server = try ServerProcess(store: try RecallBinary.temporaryStore())
        server.send(Self.initialize)
        let handshake = server.responses(for: [1])
        let initResult = try #require(handshake[1]?["result"] as? [String: Any])
        #expect(initResult["protocolVersion"] as? String == "2025-11-25")

        server.send(Self.initialized)
        server.send(Self.toolsList)
        server.send(Self.ping)
        let answers = server.responses(for: [2, 3])
        let tools = try #require((answers[2]?["result"] as? [String: Any])?["tools"] as? [[String: Any]])
        #expect(Set(tools.compactMap { $0["name"] as? String }) == Self.toolNames)
        #expect((answers[3]?["result"] as? [String: Any])?.isEmpty == true)

        try server.closeInput()
        #expect(server.waitForExit() == 0)
        Self.expectOnlyJSON(server.stdoutLines)
    }

    @Test(.timeLimit(.minutes(3)))
    func pipedScriptGetsEveryResponse() throws {
        // `cat session.jsonl | recall serve`: stdin closes before the first answer is written.
        let server = try ServerProcess(store: try RecallBinary.temporaryStore())
        for line in [Self.initialize, Self.initialized, Self.toolsList, Self.ping] { server.send(line) }
        try server.closeInput()
        #expect(server.waitForExit() == 0)
        let answers = server.responses(for: [1, 2, 3], timeout: 1)
        #expect(Set(answers.keys) == [1, 2, 3])
        Self.expectOnlyJSON(server.stdoutLines)
    }

    /// stdout belongs to the protocol: every line must be one JSON object.
    static func expectOnlyJSON(_ lines: [String]) {
        for line in lines {
            #expect(JSONLine.object(line) != nil, "stdout line is not a JSON object: \(line.prefix(200))")
        }
    }
}
