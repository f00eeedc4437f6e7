import Foundation
import RecallCore

@testable import RecallMCP

/// One server session in memory, fed raw bytes as a client would write them, whose every
/// output line is checked to be a well-formed JSON-RPC message.
///
/// After each input the harness sends a `ping` with its own id and reads until that answer
/// comes back: the server has then dealt with the whole input, and a hang shows as a test that
/// never finishes (the suite's time limit fails it) rather than as a sleep that guessed.
struct JSONRPCHarness {
    private let transport = InMemoryTransport()
    private let server: Task<Void, Never>
    private var output: AsyncStream<String>.Iterator
    private var sentinel = 0
    /// Problems found so far, each with the line that showed it.
    private(set) var problems: [String] = []

    /// Starts a server on a fresh in-memory store, with every tool but `import_chats` (a mutated
    /// path could name `/`, and walking the whole disk is no test of the protocol).
    init() {
        let tools = ToolRegistry.standardTools.filter { type(of: $0).name != "import_chats" }
        let server = RecallServer(recall: .inMemory(), version: "fuzz", tools: tools, importFolders: [])
        let transport = self.transport
        self.server = Task { await server.run(transport: transport) }
        output = transport.output.makeAsyncIterator()
        // Start initialized, so mutated tool calls reach the tools rather than the lifecycle gate.
        transport.write(
            """
            {"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-11-25",\
            "capabilities":{},"clientInfo":{"name":"fuzz","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}

            """)
    }

    /// Writes `input` in pieces of random sizes, ends the line, and waits until it was handled.
    mutating func feed(_ input: [UInt8], using random: inout SeededGenerator) async {
        var offset = 0
        while offset < input.count {
            let size = min(input.count - offset, Int.random(in: 1...4096, using: &random))
            transport.write(bytes: Array(input[offset..<offset + size]))
            offset += size
        }
        sentinel += 1
        let id = "sentinel-\(sentinel)"
        transport.write("\n{\"jsonrpc\":\"2.0\",\"id\":\"\(id)\",\"method\":\"ping\"}\n")
        while let line = await output.next() {
            check(line)
            if line.contains("\"\(id)\"") { return }
        }
        problems.append("the server stopped before answering \(id)")
    }

    /// Closes input and checks whatever the server still writes before it stops.
    mutating func finish() async {
        transport.closeInput()
        while let line = await output.next() { check(line) }
        await server.value
    }

    private mutating func check(_ line: String) {
        if let problem = Self.problem(in: line) {
            problems.append("\(problem): \(line.prefix(300))")
        }
    }

    /// What is wrong with one line of server output, or nil if it is a well-formed message.
    static func problem(in line: String) -> String? {
        guard !line.contains("\n") else { return "a message spans lines" }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)),
            case .object(let message) = value
        else {
            return "not a JSON object"
        }
        guard message["jsonrpc"] == .string("2.0") else { return "no \"jsonrpc\": \"2.0\"" }
        if let method = message["method"] {
            return method.stringValue == nil ? "a non-string method" : nil
        }
        switch message["id"] {
        case .int?, .string?: break
        case nil, .null?: if message["error"] == nil { return "a result without an id" }
        default: return "an id that is neither a string nor an integer"
        }
        switch (message["result"], message["error"]) {
        case (let result?, nil):
            return result.objectValue == nil ? "a result that is not an object" : nil
        case (nil, let error?):
            guard case .int? = error["code"], error["message"]?.stringValue != nil else {
                return "an error without an integer code and a message"
            }
            return nil
        default:
            return "not exactly one of result and error"
        }
    }
}
