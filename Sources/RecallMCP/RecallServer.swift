public import Foundation
public import RecallCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The MCP server: JSON-RPC 2.0 over stdio (or any `MessageTransport`), serving the
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
    /// Folders `import_chats` may read besides the client's roots (see `ImportFolders`); empty
    /// refuses every path (HTTP without `--allow-import`: uploads are the way in).
    public let importFolders: [String]
    /// The longest one `import_chats` call may take, in seconds.
    public let importTimeLimit: TimeInterval
    /// Whether the client's roots widen where `import_chats` may read.
    ///
    /// True on stdio, where the
    /// client runs on this machine as this user; false over HTTP, where a remote client's roots
    /// name folders of its own machine and would let it read anything on this one.
    public var trustsClientRoots = true
    /// When true, only read-only tools run; the others answer with an error (read-scope API keys).
    public var readOnly = false
    /// The tools offered, in listing order.
    let tools: [any RecallTool]

    /// Creates a server over a Recall whose imports read within `importFolders` (by default
    /// `RECALL_IMPORT_DIRS`, else the Downloads folder) and the client's roots.
    public init(
        recall: Recall, version: String, importFolders: [String] = ImportFolders.configured(flags: []),
        importTimeLimit: TimeInterval = ImportPolicy.defaultTimeLimit
    ) {
        self.init(
            recall: recall, version: version, tools: ToolRegistry.standardTools, importFolders: importFolders,
            importTimeLimit: importTimeLimit)
    }

    /// Creates a server offering other tools (tests add tools that block, report progress, …).
    init(
        recall: Recall, version: String, tools: [any RecallTool], importFolders: [String],
        importTimeLimit: TimeInterval = ImportPolicy.defaultTimeLimit
    ) {
        self.recall = recall
        self.version = version
        self.tools = tools
        self.importFolders = importFolders
        self.importTimeLimit = importTimeLimit
    }

    /// Serves stdin/stdout until stdin closes and every in-flight request is answered.
    ///
    /// Operational logs go to stderr through `log` (by default at `RECALL_LOG_LEVEL`), never stdout.
    public func runStdio(log: ServerLog? = nil) async {
        // A client that exits before reading its responses must not kill the server with SIGPIPE;
        // the write fails with EPIPE instead and the rest is dropped.
        signal(SIGPIPE, SIG_IGN)
        await run(transport: StdioTransport(), log: log ?? .standardError())
    }

    /// Serves one client over `transport` until its input ends and every response is written.
    public func run(transport: some MessageTransport) async {
        await run(transport: transport, log: .silent)
    }

    func run(transport: some MessageTransport, log: ServerLog) async {
        let connection = JSONRPCConnection(transport: transport, log: log)
        let access = ImportAccess(
            configuredFolders: importFolders, timeLimit: importTimeLimit, trustsClientRoots: trustsClientRoots, log: log
        )
        let session = MCPSession(
            recall: recall, serverVersion: version, tools: ToolRegistry(tools), importAccess: access,
            connection: connection, log: log, readOnly: readOnly)
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
