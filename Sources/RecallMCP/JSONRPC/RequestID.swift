import RecallCore

/// A JSON-RPC request id: an integer or a string, echoed back with its exact type and value.
///
/// `null` is not an id in MCP, and `0` is a real one (Claude Desktop starts counting there).
enum RequestID: Hashable, Sendable, CustomStringConvertible {
    /// An integer id, kept as a 64-bit integer so `2^53-1` survives the round trip.
    case number(Int64)
    /// A string id; the empty string is valid.
    case string(String)

    /// Reads an id from its JSON form; nil for `null`, fractions, booleans and containers.
    init?(_ value: JSONValue) {
        switch value {
        case .int(let number): self = .number(number)
        case .string(let text): self = .string(text)
        default: return nil
        }
    }

    /// The id as JSON, ready to echo.
    var json: JSONValue {
        switch self {
        case .number(let number): .int(number)
        case .string(let text): .string(text)
        }
    }

    /// The id as it appears on the wire, for logs.
    var description: String {
        switch self {
        case .number(let number): String(number)
        case .string(let text): "\"\(text)\""
        }
    }
}
