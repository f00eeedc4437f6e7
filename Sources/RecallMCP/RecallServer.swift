public import RecallCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The MCP server: JSON-RPC 2.0 over stdio (or any `MessageTransport`), serving the twelve
/// Recall tools, chat and memory resources, and the `recall_context` prompt.
///
/// ```swift
/// let server = RecallServer(recall: Recall(location: .resolve(explicit: nil)), version: "0.1.0")
/// await server.runStdio()   // returns after stdin closes and every response is written
/// ```
///
/// Tests drive the same server in process:
///
/// ```swift
/// let transport = InMemoryTransport()
/// async let done: Void = RecallServer(recall: .inMemory(), version: "test").run(transport: transport)
/// transport.write(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{…}}"# + "\n")
/// ```
public struct RecallServer: Sendable {
    /// The core every tool calls.
    public let recall: Recall
    /// Reported in `serverInfo.version`.
    public let version: String
    /// The tools offered, in listing order.
    let tools: [any RecallTool]
    /// Folders `import_chats` may read from; nil allows any path the process can read (stdio,
    /// where the client runs as the same user), empty refuses every path (HTTP without
    /// `--allow-import`: a remote caller must not read the server's files).
    public var importFolders: [String]?
    /// When true, only read-only tools run; the others answer with an error (read-scope API keys).
    public var readOnly = false

    /// Creates a server over a Recall.
    public init(recall: Recall, version: String) {
        self.init(recall: recall, version: version, tools: ToolRegistry.standardTools)
    }

    /// Creates a server whose `import_chats` reads only inside `importFolders`.
    public init(recall: Recall, version: String, importFolders: [String]?) {
        self.init(recall: recall, version: version, tools: ToolRegistry.standardTools)
        self.importFolders = importFolders
    }

    /// Creates a server offering other tools (tests add tools that block, report progress, …).
    init(recall: Recall, version: String, tools: [any RecallTool]) {
        self.recall = recall
        self.version = version
        self.tools = tools
    }

    /// Serves stdin/stdout until stdin closes and every in-flight request is answered.
    ///
    /// Operational logs go to stderr (level from `RECALL_LOG_LEVEL`), never stdout.
    public func runStdio() async {
        // A client that exits before reading its responses must not kill the server with SIGPIPE;
        // the write fails with EPIPE instead and the rest is dropped.
        signal(SIGPIPE, SIG_IGN)
        await run(transport: StdioTransport(), log: .standardError())
    }

    /// Serves one client over `transport` until its input ends and every response is written.
    public func run(transport: some MessageTransport) async {
        await run(transport: transport, log: .silent)
    }

    func run(transport: some MessageTransport, log: ServerLog) async {
        let connection = JSONRPCConnection(transport: transport, log: log)
        let session = MCPSession(
            recall: recall, serverVersion: version, tools: ToolRegistry(tools), connection: connection, log: log,
            importFolders: importFolders, readOnly: readOnly)
        await connection.serve(session)
    }

    /// The `tools/list` result (`{"tools":[…]}`) for the latest protocol revision, as
    /// deterministic JSON (fixed tool order, sorted keys), for comparison with `mcp-manifest.json`.
    public static func toolListJSON(prettyPrinted: Bool = false) -> String {
        let list = ToolRegistry().listResult(for: .latest)
        return (try? prettyPrinted ? WireJSON.prettyString(list) : WireJSON.string(list)) ?? "{}"
    }

    /// The tool names in listing order.
    public static var toolNames: [String] {
        ToolRegistry().names
    }
}
