import RecallCore
import Synchronization

/// The MCP method layer for one client: the negotiated state, and what the methods in
/// `MethodRegistry` need to answer (tools, resources, prompts, loggers).
///
/// Requests are planned on the reading loop, one at a time (see `RequestHandler`), so the state
/// `initialize` sets is visible to the very next message even when the client pipelines.
final class MCPSession: RequestHandler {
    private struct State {
        var version: ProtocolVersion?
        var clientCapabilities: [String: JSONValue] = [:]
    }

    private let state = Mutex(State())
    private let methods: MethodRegistry
    /// The memory the tools, resources and prompts read.
    let recall: Recall
    /// This server's version, for `serverInfo`.
    let serverVersion: String
    /// The tools `tools/list` shows and `tools/call` runs.
    let tools: ToolRegistry
    /// Chats and memories as resources.
    let resources: ResourceProvider
    /// The `recall_context` prompt.
    let prompts: PromptProvider
    /// `notifications/message` to the client, at the level it chose with `logging/setLevel`.
    let logger: ClientLogger
    /// Writes to the client; a stateless request gets a logger of its own over it.
    let send: @Sendable (OutgoingMessage) -> Void
    /// Operational logs (stderr).
    let serverLog: ServerLog
    /// Orders tool calls: reads run together, writes one at a time.
    let callOrder = CallOrder()
    /// The folders imports may read.
    let importAccess: ImportAccess
    /// True when only read-only tools may run (a read-only API key).
    let readOnly: Bool

    /// A session serving `recall` through `tools`, talking back through `connection`; imports
    /// read within `importAccess`, and with `readOnly` only read-only tools run.
    init(
        recall: Recall, serverVersion: String, tools: ToolRegistry, importAccess: ImportAccess,
        connection: JSONRPCConnection, log: ServerLog, readOnly: Bool = false,
        methods: MethodRegistry = .shared
    ) {
        self.readOnly = readOnly
        self.recall = recall
        self.serverVersion = serverVersion
        self.tools = tools
        self.importAccess = importAccess
        self.resources = ResourceProvider(recall: recall, log: log)
        self.prompts = PromptProvider(recall: recall)
        self.send = { [connection] message in connection.send(message) }
        self.logger = ClientLogger(send: send)
        self.serverLog = log
        self.methods = methods
    }

    /// The capabilities the client declared in `initialize`.
    var clientCapabilities: [String: JSONValue] { state.withLock { $0.clientCapabilities } }

    /// Records the negotiated revision; false when the session was already initialized.
    func open(version: ProtocolVersion, clientCapabilities: [String: JSONValue]) -> Bool {
        state.withLock { state in
            guard state.version == nil else { return false }
            state.version = version
            state.clientCapabilities = clientCapabilities
            return true
        }
    }

    func plan(id: RequestID, method: String, params: JSONValue?) -> RequestPlan {
        // A request carrying its own version is served statelessly (2026-07-28), before or after
        // an `initialize` from an older client on the same connection; the registry decides.
        methods.plan(method, params: params, session: self, negotiated: state.withLock { $0.version })
    }

    func handleNotification(method: String, params: JSONValue?) {
        // `notifications/initialized` (with or without params) needs no action: requests are
        // served from the `initialize` response on. Unknown notifications are ignored, as the
        // spec requires.
        serverLog.debug("notification \(method)")
        if method == "notifications/roots/list_changed" { importAccess.rootsChanged() }
    }
}
