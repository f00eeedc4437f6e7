import Foundation
import RecallCore

/// One message from the client, classified: a request, a notification, or a response to a
/// request the server sent.
enum IncomingMessage: Sendable {
    /// Expects exactly one response echoing `id`.
    case request(id: RequestID, method: String, params: JSONValue?)
    /// Expects nothing back, not even an error.
    case notification(method: String, params: JSONValue?)
    /// The client's answer to a server→client request.
    case response(id: RequestID, result: Result<JSONValue, JSONRPCError>)

    /// What reading one line produced.
    enum Outcome: Sendable {
        /// A well-formed message.
        case message(IncomingMessage)
        /// Answer with this error; `id` is nil when the line had no readable id.
        case reject(JSONRPCError, id: RequestID?)
        /// Nothing to answer: a malformed notification or an unmatched error response.
        case ignore
    }

    /// Classifies one line of input (without its line ending).
    static func parse(_ line: Data) -> Outcome {
        if line == LineFramer.oversizedLine {
            let limit = LineFramer.defaultMaximumLineLength >> 20
            return .reject(
                .invalidRequest(
                    "the message is longer than the \(limit) MiB limit and was dropped; send large content in smaller pieces"
                ), id: nil)
        }
        // Foundation's decoder traps (instead of throwing) on some lines that end inside an array.
        if NestingDepth.endsInsideContainer(line) {
            let deep = NestingDepth.exceedsDecoderLimit(line)
            return .reject(
                .parseError(
                    deep
                        ? "the message nests arrays or objects more than \(NestingDepth.decoderLimit) levels deep"
                        : "the line is not valid JSON (it ends inside an array or object)"), id: nil)
        }
        let value: JSONValue
        do {
            value = try decode(line)
        } catch {
            if NestingDepth.exceedsDecoderLimit(line) {
                return .reject(
                    .parseError(
                        "the message nests arrays or objects more than \(NestingDepth.decoderLimit) levels deep"),
                    id: nil)
            }
            return .reject(.parseError("the line is not valid JSON"), id: nil)
        }
        guard case .object(let object) = value else {
            if case .array = value {
                return .reject(
                    .invalidRequest("batches (JSON arrays) are not supported; send one message per line"), id: nil)
            }
            return .reject(.invalidRequest("a message must be a JSON object"), id: nil)
        }
        return classify(object)
    }

    /// Decodes a line; one that fails only for a lone surrogate or a bad UTF-8 sequence is read
    /// again with those characters replaced by U+FFFD (see `SurrogateRepair`), so one damaged
    /// character does not cost the whole request.
    ///
    /// The repair runs only after a failure.
    private static func decode(_ line: Data) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: line)
        } catch {
            let repaired = SurrogateRepair.repaired(line)
            guard repaired != line else { throw error }
            return try JSONDecoder().decode(JSONValue.self, from: repaired)
        }
    }

    private static func classify(_ object: [String: JSONValue]) -> Outcome {
        let idValue = object["id"]
        let id = idValue.flatMap(RequestID.init)
        // An id that is present but unreadable (null, a fraction, an object) cannot be echoed.
        let idIsUnreadable = idValue != nil && id == nil
        guard object["jsonrpc"] == .string("2.0") else {
            return .reject(.invalidRequest("\"jsonrpc\" must be \"2.0\""), id: id)
        }
        if let methodValue = object["method"] {
            guard case .string(let method) = methodValue else {
                return .reject(.invalidRequest("\"method\" must be a string"), id: id)
            }
            // `"params": null` is read as no params; some clients write it that way.
            let params = object["params"] == .null ? nil : object["params"]
            let paramsAreStructured = params.map { $0.objectValue != nil || $0.arrayValue != nil } ?? true
            if idValue == nil {
                return paramsAreStructured ? .message(.notification(method: method, params: params)) : .ignore
            }
            guard let id else {
                return .reject(.invalidRequest("\"id\" must be a string or an integer"), id: nil)
            }
            guard paramsAreStructured else {
                return .reject(.invalidRequest("\"params\" must be an object"), id: id)
            }
            return .message(.request(id: id, method: method, params: params))
        }
        if let result = object["result"], let id {
            return .message(.response(id: id, result: .success(result)))
        }
        if let error = object["error"] {
            guard let id else { return .ignore }
            let code =
                error["code"].flatMap { value -> Int? in
                    if case .int(let number) = value { return Int(number) }
                    return nil
                } ?? -32603
            let message = error["message"]?.stringValue ?? "The client reported an error."
            return .message(
                .response(id: id, result: .failure(JSONRPCError(code: code, message: message, data: error["data"]))))
        }
        return .reject(.invalidRequest("a request needs a \"method\""), id: idIsUnreadable ? nil : id)
    }
}
