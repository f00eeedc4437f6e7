import RecallCore

/// The one translation of RecallCore's errors into MCP's two error channels, used by tools,
/// resources and prompts alike (on stdio and over HTTP, which share the session).
///
/// A tool answers every `RecallError` as a result with `isError: true` and the error's message:
/// the spec wants input and business failures as results a model can act on. A method such as
/// `resources/read` or `prompts/get` answers a JSON-RPC error instead: what the caller can
/// correct is `-32602` (an id that names nothing, asked for as a resource URI, is MCP's `-32002`
/// carrying the URI), and a fault on the server's side is `-32603`.
extension RecallError {
    /// Who can fix a failure: the caller, by changing the request, or nobody but the server.
    enum Fault: Sendable, Equatable {
        /// The request was wrong: a bad argument, an unknown id, an unreadable or unknown file.
        case caller
        /// The store or the server failed; the same request may work later.
        case server
    }

    /// Which side the failure is on, by code.
    var fault: Fault {
        switch code {
        case .invalidArgument, .notFound, .unreadableFile, .unrecognizedFormat, .tooLarge, .conflict: .caller
        default: .server
        }
    }

    /// The JSON-RPC error for a method other than `tools/call`; `resource` is the URI a
    /// `resources/read` asked for, so that an unknown id answers MCP's "resource not found".
    func jsonRPCError(resource uri: String? = nil) -> JSONRPCError {
        if code == .notFound, let uri { return .resourceNotFound(uri) }
        switch fault {
        case .caller: return .invalidParams(message)
        case .server: return .internalError(message)
        }
    }

    /// The `tools/call` result for this failure: `isError` with the one-line message.
    var toolResult: ToolCallResult { .failure(message) }

    /// Arguments a model must fix, each naming the field and what was expected, as one line
    /// such as "Invalid arguments: `limit` must be an integer from 1 to 50; `query` is required".
    static func invalidArguments(_ problems: [ArgumentProblem]) -> RecallError {
        let message = "Invalid arguments: " + problems.map { "`\($0.field)` \($0.problem)" }.joined(separator: "; ")
        let fields = Dictionary(
            problems.map { ($0.field, $0.problem) }, uniquingKeysWith: { first, later in first + "; " + later })
        return RecallError(.invalidArgument, message, fieldErrors: fields)
    }

    /// An invalid-arguments error about one field, such as `path` "must not be empty".
    static func invalidArguments(field: String, _ problem: String) -> RecallError {
        invalidArguments([ArgumentProblem(field: field, problem: problem)])
    }
}
