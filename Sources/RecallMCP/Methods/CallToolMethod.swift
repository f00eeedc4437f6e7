import RecallCore

/// `tools/call`: runs one tool, in the order `CallOrder` allows.
///
/// An unknown tool is `-32602` (a protocol error, per the spec); anything wrong with the
/// arguments, and every failure of the tool, is a result with `isError: true`.
struct CallToolMethod: MCPMethod {
    static let name = "tools/call"

    /// The tool and its arguments.
    struct Params: Decodable, Sendable {
        /// The tool's name.
        var name: String
        /// The tool's arguments; none is an empty object.
        var arguments: [String: JSONValue]?
    }

    func plan(_ params: Params, in call: MethodCall) -> RequestPlan {
        let session = call.session
        let name = params.name
        let tools = session.tools
        guard tools.contains(name) else {
            return .fail(.invalidParams("unknown tool: \(name); tools/list shows the available tools"))
        }
        let arguments = params.arguments ?? [:]
        if session.readOnly, !tools.isReadOnly(name) {
            return .fail(
                .invalidRequest("\(name) changes data and this API key is read-only; use a key made with --scope write")
            )
        }
        let capabilities = call.clientCapabilities
        let ticket = session.callOrder.admit(tools.kind(of: name, arguments: arguments))
        let version = call.version
        return .run {
            [
                recall = session.recall, logger = call.logger, serverLog = session.serverLog,
                importAccess = session.importAccess
            ] request in
            let context = ToolContext(
                recall: recall, request: request, logger: logger, clientCapabilities: capabilities,
                serverLog: serverLog,
                importAccess: importAccess)
            return try await ticket.run {
                try await tools.call(name, arguments: arguments, context: context).json(for: version)
            }
        }
    }
}
