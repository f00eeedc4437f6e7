public import Foundation
import RecallCore

/// Streamable HTTP for the stateless revision (2026-07-28): a request carries its version in
/// `params._meta` and in headers that must agree with the body, needs no session, and an error
/// gets an HTTP status of its own.
extension MCPHTTPSession {
    /// A stateless request, read once from its body.
    public struct StatelessRequest: Sendable {
        let id: RequestID
        /// The JSON-RPC method.
        public let method: String
        let params: JSONValue?

        /// Whether the request asked for progress, which only an event stream can carry.
        public var wantsProgress: Bool { params?["_meta"]?["progressToken"] != nil }

        /// The encoded `-32020` error when the `MCP-Protocol-Version`, `Mcp-Method` or `Mcp-Name`
        /// header disagrees with the body (a proxy routes on headers, the server acts on the body);
        /// nil when they agree.
        public func headerMismatch(protocolVersion: String?, method header: String?, name: String?) -> Data? {
            // Without its envelope a request is refused for that first (-32602), headers or not.
            guard let bodyVersion = params?["_meta"]?[StatelessEnvelope.versionKey]?.stringValue else { return nil }
            let problem: String?
            if protocolVersion != bodyVersion {
                problem =
                    "the MCP-Protocol-Version header must equal params._meta[\"\(StatelessEnvelope.versionKey)\"] (\(bodyVersion))"
            } else if header != method {
                problem = "the Mcp-Method header must equal the request's method (\(method))"
            } else if let key = ["tools/call": "name", "prompts/get": "name", "resources/read": "uri"][method],
                let value = params?[key]?.stringValue, name != value
            {
                problem = "the Mcp-Name header must equal params.\(key)"
            } else {
                problem = nil
            }
            guard let problem else { return nil }
            return MCPHTTPSession.encode(.error(id: id, error: .headerMismatch(problem)))
        }
    }

    /// The request in `body` when it is a stateless one (it carries the envelope, or is `server/discover`).
    public static func statelessRequest(_ body: Data) -> StatelessRequest? {
        guard case .message(.request(let id, let method, let params)) = IncomingMessage.parse(body),
            MethodRegistry.shared.isStateless(method, params: params)
        else { return nil }
        return StatelessRequest(id: id, method: method, params: params)
    }

    /// The HTTP status for a stateless reply: 200 for a result, 404 for an unknown method,
    /// 400 for the other request errors, 500 for the server's own.
    public static func statelessStatus(of message: Data) -> Int {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: message), let code = value["error"]?["code"]
        else {
            return 200
        }
        switch code {
        case .int(-32601): return 404
        case .int(-32603): return 500
        case .int: return 400
        default: return 200
        }
    }
}
