import Foundation
import RecallCore

/// The MCP methods a session answers, each a typed `MCPMethod`, found by name.
///
/// It decodes a call's params into the method's `Params` (a failure is `-32602` naming the
/// field), enforces the method's `MethodPhase`, and hands the typed params to the method.
struct MethodRegistry: Sendable {
    /// Every method this server answers; anything else is `-32601`, before or after `initialize`.
    static let standard: [any MCPMethod] = [
        InitializeMethod(), PingMethod(), ListToolsMethod(), CallToolMethod(), ListResourcesMethod(),
        ListResourceTemplatesMethod(), ReadResourceMethod(), ListPromptsMethod(), GetPromptMethod(),
        SetLogLevelMethod(),
    ]

    private let byName: [String: RegisteredMethod]

    /// A registry over these methods.
    init(_ methods: [any MCPMethod] = MethodRegistry.standard) {
        byName = Dictionary(
            methods.map { RegisteredMethod($0) }.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The method names, sorted.
    var names: [String] { byName.keys.sorted() }

    /// Plans one call in `session`, whose negotiated revision is `version` (nil before `initialize`).
    func plan(_ method: String, params: JSONValue?, session: MCPSession, version: ProtocolVersion?) -> RequestPlan {
        guard let registered = byName[method] else { return .fail(.methodNotFound(method)) }
        let call = MethodCall(session: session, version: version ?? .latest)
        if registered.phase == .anytime { return registered.plan(params, call) }
        if let params, params.objectValue == nil { return .fail(.invalidParams("params must be an object")) }
        if registered.phase == .initialized, version == nil {
            let versions = ProtocolVersion.supported.map(\.rawValue).joined(separator: ", ")
            return .fail(
                .invalidRequest(
                    "the server is not initialized; send initialize first (supported protocol versions: \(versions))"))
        }
        return registered.plan(params, call)
    }
}

/// A method with its params type erased.
private struct RegisteredMethod: Sendable {
    let name: String
    let phase: MethodPhase
    let plan: @Sendable (JSONValue?, MethodCall) -> RequestPlan

    init<Method: MCPMethod>(_ method: Method) {
        name = Method.name
        phase = Method.phase
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
