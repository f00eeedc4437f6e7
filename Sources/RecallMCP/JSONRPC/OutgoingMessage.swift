import Foundation
import RecallCore

/// One message the server writes: a response, an error, a notification or a request.
enum OutgoingMessage: Sendable {
    /// A successful response.
    case result(id: RequestID, result: JSONValue)
    /// An error response; its id is null when the request's id could not be read.
    case error(id: RequestID?, error: JSONRPCError)
    /// A notification to the client.
    case notification(method: String, params: JSONValue?)
    /// A server→client request.
    case request(id: RequestID, method: String, params: JSONValue?)

    /// The message as a JSON object.
    var json: JSONValue {
        var object: [String: JSONValue] = ["jsonrpc": .string("2.0")]
        switch self {
        case .result(let id, let result):
            object["id"] = id.json
            object["result"] = result
        case .error(let id, let error):
            // JSON-RPC 2.0 (section 5): when the request's id could not be read (a parse error, an
            // id of the wrong type), the response's id is null, never invented or left out.
            object["id"] = id?.json ?? .null
            object["error"] = error.json
        case .notification(let method, let params):
            object["method"] = .string(method)
            if let params { object["params"] = params }
        case .request(let id, let method, let params):
            object["id"] = id.json
            object["method"] = .string(method)
            if let params { object["params"] = params }
        }
        return .object(object)
    }

    /// The message as one line of compact JSON, without the line ending.
    ///
    /// JSON escapes every control character inside strings, so the result never contains a raw LF.
    func encoded() throws -> Data {
        try WireJSON.encode(json)
    }
}
