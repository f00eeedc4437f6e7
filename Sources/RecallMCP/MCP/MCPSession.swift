import RecallCore
import Synchronization

/// The MCP method layer for one client: lifecycle and version negotiation, then tools,
/// resources, prompts, ping and logging.
///
/// `initialize` is answered on the reading loop with no disk work (the store opens on the first
/// tool call), so it returns in well under a millisecond and a pipelined request right behind it
/// already sees the session initialized.
final class MCPSession: RequestHandler {
    private struct State {
        var version: ProtocolVersion?
        var clientCapabilities: [String: JSONValue] = [:]
    }

    /// Every method this server answers; anything else is `-32601`, before or after `initialize`.
    static let methods: Set<String> = [
        "initialize", "ping", "tools/list", "tools/call", "resources/list", "resources/templates/list",
        "resources/read", "prompts/list", "prompts/get", "logging/setLevel",
    ]

    private let state = Mutex(State())
    let recall: Recall
    let serverVersion: String
    let tools: ToolRegistry
    let resources: ResourceProvider
    let prompts: PromptProvider
    private let logger: ClientLogger
    /// Writes to the client; a stateless request gets a logger of its own over it.
    let send: @Sendable (OutgoingMessage) -> Void
    let serverLog: ServerLog
    let callOrder = CallOrder()
    let importAccess: ImportAccess
    let readOnly: Bool

    /// A session serving `recall` through `tools`, talking back through `connection`; imports
    /// read within `importAccess`, and with `readOnly` only read-only tools run.
    init(
        recall: Recall, serverVersion: String, tools: ToolRegistry, importAccess: ImportAccess,
        connection: JSONRPCConnection, log: ServerLog, readOnly: Bool = false
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
    }

    func plan(id: RequestID, method: String, params: JSONValue?) -> RequestPlan {
        // A request carrying its own version is served statelessly (2026-07-28), before or after
        // an `initialize` from an older client on the same connection.
        if method == "server/discover" || StatelessEnvelope.isPresent(in: params) {
            return planStateless(method: method, params: params)
        }
        guard Self.methods.contains(method) else { return .fail(.methodNotFound(method)) }
        if method == "ping" { return .respond(.object([:])) }
        if let params, params.objectValue == nil { return .fail(.invalidParams("params must be an object")) }
        if method == "initialize" { return initialize(params) }
        guard let version = state.withLock({ $0.version }) else {
            let versions = ProtocolVersion.supported.map(\.rawValue).joined(separator: ", ")
            return .fail(.invalidRequest("the server is not initialized; send initialize first (supported protocol versions: \(versions))"))
        }
        switch method {
        case "tools/list":
            return singlePage(params) { tools.listResult(for: version) }
        case "tools/call":
            return callTool(params, version: version)
        case "resources/templates/list":
            return singlePage(params) { resources.templates(for: version) }
        case "resources/list":
            return resources.list(params, version: version)
        case "resources/read":
            return resources.read(params)
        case "prompts/list":
            return singlePage(params) { prompts.list(for: version) }
        case "prompts/get":
            return prompts.get(params)
        default:
            return setLogLevel(params)
        }
    }

    func handleNotification(method: String, params: JSONValue?) {
        // `notifications/initialized` (with or without params) needs no action: requests are
        // served from the `initialize` response on. Unknown notifications are ignored, as the
        // spec requires.
        serverLog.debug("notification \(method)")
        if method == "notifications/roots/list_changed" { importAccess.rootsChanged() }
    }

    private func initialize(_ params: JSONValue?) -> RequestPlan {
        guard let requested = params?["protocolVersion"]?.stringValue else {
            return .fail(.invalidParams("initialize needs params.protocolVersion (a string)"))
        }
        let version = ProtocolVersion.negotiate(requested)
        let capabilities = params?["capabilities"]?.objectValue ?? [:]
        let accepted = state.withLock { state -> Bool in
            guard state.version == nil else { return false }
            state.version = version
            state.clientCapabilities = capabilities
            return true
        }
        guard accepted else { return .fail(.invalidRequest("the server is already initialized")) }
        importAccess.clientDeclared(capabilities)
        let client = params?["clientInfo"]?["name"]?.stringValue ?? "unknown client"
        serverLog.info("initialize from \(client): protocol \(version) (asked \(requested))")
        return .respond(initializeResult(version))
    }

    /// The server's name and version, with its title where the revision has one.
    func serverInfo(_ version: ProtocolVersion) -> JSONValue {
        var serverInfo: [String: JSONValue] = ["name": .string("recall"), "version": .string(serverVersion)]
        if version.hasStructuredOutput { serverInfo["title"] = .string("Recall") }
        return .object(serverInfo)
    }

    /// What this server offers; nothing in its lists ever changes while it runs.
    static let capabilities: JSONValue = {
        let listChangedFalse: JSONValue = .object(["listChanged": .bool(false)])
        return .object([
            "tools": listChangedFalse, "resources": listChangedFalse, "prompts": listChangedFalse, "logging": .object([:]),
        ])
    }()

    private func initializeResult(_ version: ProtocolVersion) -> JSONValue {
        .object([
            "protocolVersion": .string(version.rawValue),
            "capabilities": Self.capabilities,
            "serverInfo": serverInfo(version),
            "instructions": .string(ServerInstructions.text),
        ])
    }

    /// Lists that fit on one page: any cursor is one this server never issued.
    func singlePage(_ params: JSONValue?, _ result: () -> JSONValue) -> RequestPlan {
        switch params?["cursor"] {
        case nil, .null?: return .respond(result())
        case .string?: return .fail(.invalidParams("unknown cursor; this list has a single page"))
        default: return .fail(.invalidParams("cursor must be a string"))
        }
    }

    func callTool(
        _ params: JSONValue?, version: ProtocolVersion, capabilities declared: [String: JSONValue]? = nil,
        logger requestLogger: ClientLogger? = nil
    ) -> RequestPlan {
        guard let name = params?["name"]?.stringValue else {
            return .fail(.invalidParams("tools/call needs params.name, the tool's name as a string"))
        }
        guard tools.contains(name) else {
            return .fail(.invalidParams("unknown tool: \(name); tools/list shows the available tools"))
        }
        let arguments: [String: JSONValue]
        switch params?["arguments"] {
        case nil, .null?: arguments = [:]
        case .object(let object)?: arguments = object
        default: return .fail(.invalidParams("params.arguments must be an object"))
        }
        if readOnly, !tools.isReadOnly(name) {
            return .fail(.invalidRequest("\(name) changes data and this API key is read-only; use a key made with --scope write"))
        }
        let capabilities = declared ?? state.withLock { $0.clientCapabilities }
        let logger = requestLogger ?? self.logger
        let ticket = callOrder.admit(tools.kind(of: name, arguments: arguments))
        return .run { [tools, recall, serverLog, importAccess] request in
            let context = ToolContext(
                recall: recall, request: request, logger: logger, clientCapabilities: capabilities, serverLog: serverLog,
                importAccess: importAccess)
            return try await ticket.run { try await tools.call(name, arguments: arguments, context: context).json(for: version) }
        }
    }

    private func setLogLevel(_ params: JSONValue?) -> RequestPlan {
        guard let name = params?["level"]?.stringValue, let level = LogLevel(rawValue: name) else {
            let levels = LogLevel.allCases.map(\.rawValue).joined(separator: ", ")
            return .fail(.invalidParams("level must be one of \(levels)"))
        }
        logger.level = level
        return .respond(.object([:]))
    }
}
