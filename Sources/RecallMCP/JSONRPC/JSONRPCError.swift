import RecallCore

/// A JSON-RPC error object: a standard code, one short sentence, and optional data.
struct JSONRPCError: Error, Sendable, Equatable {
    /// The numeric code (`-32700` … `-32600`, or an MCP code such as `-32002`).
    var code: Int
    /// One sentence a person or a model can act on.
    var message: String
    /// Extra machine-readable detail, such as the URI of a missing resource.
    var data: JSONValue?

    /// Creates an error.
    init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// The line was not JSON.
    static func parseError(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: -32700, message: "Parse error: \(detail)")
    }

    /// The JSON was not a valid JSON-RPC 2.0 request.
    static func invalidRequest(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: -32600, message: "Invalid request: \(detail)")
    }

    /// No such method.
    static func methodNotFound(_ method: String) -> JSONRPCError {
        JSONRPCError(code: -32601, message: "Method not found: \(method)")
    }

    /// The method exists but its params are wrong.
    static func invalidParams(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: -32602, message: "Invalid params: \(detail)")
    }

    /// A fault on our side; reserved for bugs and broken stores, never for bad input.
    static func internalError(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: -32603, message: "Internal error: \(detail)")
    }

    /// MCP's "resource not found" (2025-11-25 and earlier), carrying the URI asked for.
    static func resourceNotFound(_ uri: String) -> JSONRPCError {
        JSONRPCError(code: -32002, message: "Resource not found: \(uri)", data: .object(["uri": .string(uri)]))
    }

    /// A stateless request named a protocol revision this server does not speak (2026-07-28).
    static func unsupportedProtocolVersion(_ requested: String) -> JSONRPCError {
        let supported = ProtocolVersion.statelessSupported.map { JSONValue.string($0.rawValue) }
        return JSONRPCError(
            code: -32022, message: "Unsupported protocol version \(requested); use one of the supported versions",
            data: .object(["supported": .array(supported), "requested": .string(requested)]))
    }

    /// An HTTP header disagrees with the request body it carries (2026-07-28).
    static func headerMismatch(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: -32020, message: "Header mismatch: \(detail)")
    }

    /// The error object as JSON.
    var json: JSONValue {
        var object: [String: JSONValue] = ["code": .int(Int64(code)), "message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }
}
