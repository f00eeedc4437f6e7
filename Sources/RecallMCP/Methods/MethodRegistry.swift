import Foundation
import RecallCore

/// The MCP methods a session answers, each a typed `MCPMethod`, found by name.
///
/// It decodes a call's params into the method's `Params` (a failure is `-32602` naming the
/// field), refuses a method the call's revision lacks (`-32601`), enforces the method's
/// `MethodPhase` for handshake clients, and hands the typed params to the method.
///
/// A request is served statelessly (2026-07-28) when it carries the envelope in
/// `params._meta`, or names a method only that revision has (`server/discover`); then the
/// envelope, not the session, supplies the revision, capabilities and log level, and
/// `StatelessStamp` finishes the answer. Both kinds may share one connection.
struct MethodRegistry: Sendable {
    /// Every method this server answers; anything else is `-32601`, before or after `initialize`.
    static let standard: [any MCPMethod] = [
        InitializeMethod(), PingMethod(), ListToolsMethod(), CallToolMethod(), ListResourcesMethod(),
        ListResourceTemplatesMethod(), ReadResourceMethod(), ListPromptsMethod(), GetPromptMethod(),
        SetLogLevelMethod(), DiscoverMethod(),
    ]

    /// A registry over `standard`, built once.
    static let shared = MethodRegistry()

    private let byName: [String: RegisteredMethod]

    /// A registry over these methods.
    init(_ methods: [any MCPMethod] = MethodRegistry.standard) {
        byName = Dictionary(
            methods.map { RegisteredMethod($0) }.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The method names, sorted.
    var names: [String] { byName.keys.sorted() }

    /// Whether a request is served statelessly: it carries the envelope, or its method exists
    /// only in the stateless revision.
    func isStateless(_ method: String, params: JSONValue?) -> Bool {
        byName[method]?.revisions == .stateless || StatelessEnvelope.isPresent(in: params)
    }

    /// Plans one call in `session`, whose handshake negotiated `negotiated` (nil before `initialize`).
    func plan(_ method: String, params: JSONValue?, session: MCPSession, negotiated: ProtocolVersion?)
        -> RequestPlan
    {
        if isStateless(method, params: params) { return planStateless(method, params: params, session: session) }
        let version = negotiated ?? .latest
        guard let registered = byName[method], registered.revisions.contains(version) else {
            return .fail(.methodNotFound(method))
        }
        let call = MethodCall(
            session: session, version: version, clientCapabilities: session.clientCapabilities,
            logger: session.logger)
        if registered.phase == .anytime { return registered.plan(params, call) }
        if let params, params.objectValue == nil { return .fail(.invalidParams("params must be an object")) }
        if registered.phase == .initialized, negotiated == nil {
            let versions = ProtocolVersion.supported.map(\.rawValue).joined(separator: ", ")
            return .fail(
                .invalidRequest(
                    "the server is not initialized; send initialize first (supported protocol versions: \(versions))"))
        }
        return registered.plan(params, call)
    }

    /// Plans a stateless call: the envelope is checked first (`-32602`, or `-32022` for a revision
    /// this server does not speak), then the method, then its answer is stamped.
    private func planStateless(_ method: String, params: JSONValue?, session: MCPSession) -> RequestPlan {
        let envelope: StatelessEnvelope
        switch StatelessEnvelope.read(params) {
        case .success(let read): envelope = read
        case .failure(let error): return .fail(error)
        }
        guard let registered = byName[method], registered.revisions.contains(envelope.version) else {
            return .fail(.methodNotFound(method))
        }
        let call = MethodCall(
            session: session, version: envelope.version, clientCapabilities: envelope.usableCapabilities,
            logger: .forRequest(level: envelope.logLevel, send: session.send))
        let stamp = StatelessStamp(
            version: envelope.version, serverVersion: session.serverVersion, caching: registered.caching)
        return stamp.apply(to: registered.plan(params, call))
    }
}

/// A method with its params type erased.
private struct RegisteredMethod: Sendable {
    let name: String
    let phase: MethodPhase
    let revisions: MethodRevisions
    let caching: ResultCaching?
    let plan: @Sendable (JSONValue?, MethodCall) -> RequestPlan

    init<Method: MCPMethod>(_ method: Method) {
        name = Method.name
        phase = Method.phase
        revisions = Method.revisions
        caching = Method.caching
        plan = { params, call in
            let decoded: Method.Params
            do {
                decoded = try JSONDecoder().decode(Method.Params.self, from: WireJSON.encode(params ?? .object([:])))
            } catch let error as DecodingError {
                let problem = ArgumentProblem(error)
                return .fail(.invalidParams("`\(problem.field)` \(problem.problem)"))
            } catch {
                return .fail(.invalidParams("\(Method.name) could not read its params"))
            }
            return method.plan(decoded, in: call)
        }
    }
}
