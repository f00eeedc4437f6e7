import Foundation
import RecallCore

/// The tools a server offers, and the one place that turns tool calls into JSON and back.
///
/// For a call it validates the arguments against the tool's schema (reporting every problem at
/// once), decodes them, runs the tool, and encodes the output both as `structuredContent` and as
/// the same JSON in a text block. Bad arguments and RecallCore failures become `isError`
/// results the model can act on; nothing a tool throws reaches the JSON-RPC layer as a crash.
struct ToolRegistry: Sendable {
    /// Results larger than this many characters are cut to fit (writes, and reads that list
    /// items) or refused with advice to page or narrow: clients warn at ~10k tokens and
    /// hard-fail at 1 MB.
    static let maximumResultCharacters = Limits.toolResultCharacters

    /// The Recall tools, in the order `tools/list` shows them.
    static let standardTools: [any RecallTool] = [
        SearchTool(), GetContextTool(), AddMemoryTool(), ListMemoriesTool(), UpdateMemoryTool(), ForgetTool(),
        ImportChatsTool(), ListChatsTool(), GetConversationTool(), UpdateChatTool(), ExtractMemoriesTool(),
        MemoryStatsTool(),
    ]

    private let tools: [RegisteredTool]
    private let byName: [String: RegisteredTool]

    /// A registry over these tools, listed in this order.
    init(_ tools: [any RecallTool] = ToolRegistry.standardTools) {
        self.tools = tools.map { RegisteredTool($0) }
        self.byName = Dictionary(self.tools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tool names in listing order.
    var names: [String] { tools.map(\.name) }

    /// True when the named tool changes nothing whatever its arguments (unknown names count as
    /// writes, to be safe): what a read-only API key may call.
    func isReadOnly(_ name: String) -> Bool { byName[name]?.readOnly ?? false }

    /// How a call is ordered among the others (unknown names count as writes, to be safe).
    func kind(of name: String, arguments: [String: JSONValue]) -> CallKind {
        byName[name]?.kind(arguments) ?? .write
    }

    /// True when a tool has this name.
    func contains(_ name: String) -> Bool { byName[name] != nil }

    /// The `tools/list` result for a protocol revision.
    func listResult(for version: ProtocolVersion) -> JSONValue {
        .object(["tools": .array(tools.map { $0.definition(version) })])
    }

    /// Runs a tool; throws only `CancellationError`.
    ///
    /// The caller checks the name exists first.
    func call(_ name: String, arguments: [String: JSONValue], context: ToolContext) async throws -> ToolCallResult {
        guard let tool = byName[name] else { return .failure("Unknown tool `\(name)`.") }
        return try await tool.invoke(arguments, context)
    }
}

/// A tool with its types erased, ready to list and call.
private struct RegisteredTool: Sendable {
    let name: String
    let readOnly: Bool
    let kind: @Sendable ([String: JSONValue]) -> CallKind
    let definition: @Sendable (ProtocolVersion) -> JSONValue
    let invoke: @Sendable ([String: JSONValue], ToolContext) async throws -> ToolCallResult

    init<Tool: RecallTool>(_ tool: Tool) {
        name = Tool.name
        readOnly = Tool.annotations.readOnly
        kind = { Tool.kind(of: $0) }
        definition = { version in
            var object: [String: JSONValue] = [
                "name": .string(Tool.name), "description": .string(Tool.description), "inputSchema": Tool.inputSchema,
            ]
            if version.hasStructuredOutput {
                object["title"] = .string(Tool.title)
                object["outputSchema"] = Tool.outputSchema
            }
            if version.hasToolAnnotations { object["annotations"] = Tool.annotations.json }
            return .object(object)
        }
        invoke = { arguments, context in try await Self.run(tool, arguments, context) }
    }

    private static func run<Tool: RecallTool>(_ tool: Tool, _ arguments: [String: JSONValue], _ context: ToolContext)
        async throws -> ToolCallResult
    {
        let oversized = ArgumentLimits.problems(in: arguments)
        guard oversized.isEmpty else { return RecallError.invalidArguments(oversized).toolResult }
        let problems = ArgumentValidator.problems(in: arguments, schema: Tool.inputSchema)
        guard problems.isEmpty else { return RecallError.invalidArguments(problems).toolResult }
        let output: Tool.Output
        do {
            let decoded = try JSONDecoder().decode(
                Tool.Arguments.self, from: WireJSON.encode(JSONValue.object(arguments)))
            output = try await tool.call(decoded, context: context)
        } catch let error as DecodingError {
            return RecallError.invalidArguments([ArgumentProblem(error)]).toolResult
        } catch let error as RecallError {
            context.serverLog.info("tool \(Tool.name) failed: \(error.code)")
            return error.toolResult
        } catch let error as JSONRPCError {
            // A request to the client (sampling) failed: the model can act on it like any failure.
            return .failure(error.message)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.serverLog.error("tool \(Tool.name) failed unexpectedly: \(type(of: error))")
            return .failure(
                "\(Tool.name) failed unexpectedly (\(type(of: error))). Try again; if it keeps failing, report it.")
        }
        return encode(
            output, hint: Tool.oversizeHint, tool: Tool.name, isWrite: !Tool.annotations.readOnly,
            clipping: Tool.clipping,
            log: context.serverLog)
    }

    private static func encode(
        _ output: some Encodable, hint: String, tool: String, isWrite: Bool, clipping: ReadClipping?, log: ServerLog
    ) -> ToolCallResult {
        do {
            let data = try ToolOutputEncoder.encode(output)
            let text = String(decoding: data, as: UTF8.self)
            let size = text.unicodeScalars.count
            let structured = try JSONDecoder().decode(JSONValue.self, from: data)
            guard size <= ToolRegistry.maximumResultCharacters else {
                // A write has happened: report it, shortened, rather than fail and invite a repeat.
                if isWrite,
                    let fitted = ResultClipper.fitted(
                        structured, maximumCharacters: ToolRegistry.maximumResultCharacters)
                {
                    return ToolCallResult(text: fitted.text, structured: fitted.value, isError: false)
                }
                // One huge item must not hide its page, or the pages after it: show it cut.
                if let clipping,
                    let fitted = ResultClipper.fitted(
                        structured, maximumCharacters: ToolRegistry.maximumResultCharacters, clipping: clipping)
                {
                    return ToolCallResult(text: fitted.text, structured: fitted.value, isError: false)
                }
                return .failure(
                    "The result is too large to return (\(size) characters; the limit is \(ToolRegistry.maximumResultCharacters)). \(hint)"
                )
            }
            return ToolCallResult(text: text, structured: structured, isError: false)
        } catch {
            log.error("tool \(tool) output could not be encoded: \(type(of: error))")
            return .failure("\(tool) produced a result that could not be encoded. Report it.")
        }
    }
}

/// A `tools/call` result: text for every client, structured JSON for newer ones.
struct ToolCallResult: Sendable, Equatable {
    /// The text block: the output's JSON, or a one-line error message.
    var text: String
    /// The output as a JSON object; nil for errors.
    var structured: JSONValue?
    /// True when the call failed in a way the model can correct.
    var isError: Bool

    /// A failed call with a one-line message.
    static func failure(_ message: String) -> ToolCallResult {
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return ToolCallResult(text: oneLine, structured: nil, isError: true)
    }

    /// The result as MCP's `CallToolResult` for a protocol revision.
    func json(for version: ProtocolVersion) -> JSONValue {
        var object: [String: JSONValue] = [
            "content": .array([.object(["type": .string("text"), "text": .string(text)])]),
            "isError": .bool(isError),
        ]
        if version.hasStructuredOutput, let structured { object["structuredContent"] = structured }
        return .object(object)
    }
}
