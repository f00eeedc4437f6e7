import Foundation
import RecallCore

/// One MCP method a client may call: its name, its typed params and how it is answered.
///
/// Every method the server answers is a type listed in `MethodRegistry.standard`, the way every
/// tool is listed in `ToolRegistry.standardTools`; a name that is not there is `-32601`.
///
/// ```swift
/// struct PingMethod: MCPMethod {
///     static let name = "ping"
///     static let phase = MethodPhase.anytime
///     func plan(_ params: IgnoredParams, in call: MethodCall) -> RequestPlan { .respond(.object([:])) }
/// }
/// ```
protocol MCPMethod: Sendable {
    /// What the method reads from `params`; decoding failures are `-32602`.
    associatedtype Params: Decodable & Sendable
    /// The method name on the wire, such as `resources/read`.
    static var name: String { get }
    /// When in the session's life the method may be called (handshake revisions only).
    static var phase: MethodPhase { get }
    /// The protocol revisions that have the method; in any other it is `-32601`.
    static var revisions: MethodRevisions { get }
    /// How long a stateless client may keep the result; nil when it is not cacheable.
    static var caching: ResultCaching? { get }
    /// Decides how to answer one call, on the reading loop (see `RequestHandler`).
    func plan(_ params: Params, in call: MethodCall) -> RequestPlan
}

extension MCPMethod {
    /// Most methods need an initialized session.
    static var phase: MethodPhase { .initialized }
    /// Most methods exist in every revision.
    static var revisions: MethodRevisions { .all }
    /// Most results are not cacheable.
    static var caching: ResultCaching? { nil }
}

/// When in a session's life a method may be called.
enum MethodPhase: Sendable, Equatable {
    /// Any time, whatever its params (`ping`).
    case anytime
    /// Only to open the session (`initialize`).
    case opening
    /// Only after `initialize`; before it the answer is `-32600`.
    case initialized
}

/// What a method sees of the call: the session, and what the client declared for this call.
///
/// A handshake client declares its revision and capabilities once, in `initialize`, and its log
/// level with `logging/setLevel`; a stateless request (2026-07-28) carries all three in its own
/// `params._meta`. Either way the method reads them here, never from the session's state.
struct MethodCall: Sendable {
    /// The session: its tools, resources, prompts and server log.
    let session: MCPSession
    /// The call's protocol revision (the latest handshake one before `initialize`).
    let version: ProtocolVersion
    /// What the client can do for this call (`roots`, `sampling`…).
    let clientCapabilities: [String: JSONValue]
    /// Where this call's `notifications/message` go, at the level the client asked for.
    let logger: ClientLogger
}

/// Params a method does not read: anything, or nothing, is accepted.
struct IgnoredParams: Decodable, Sendable {
    init(from decoder: any Decoder) throws {}
}

/// The params of a list method that fits on one page: only an optional `cursor`.
struct ListParams: Decodable, Sendable {
    /// The cursor of the page asked for; nil for the first.
    var cursor: String?
}

extension RequestPlan {
    /// Answers now with an encodable result, such as a method's typed result.
    static func respond(encoding result: some Encodable) -> RequestPlan {
        do {
            return .respond(try JSONValue(encoding: result))
        } catch {
            return .fail(.internalError("the result could not be encoded"))
        }
    }

    /// Answers a list that fits on one page: any cursor is one this server never issued.
    static func singlePage(_ params: ListParams, _ result: () -> some Encodable) -> RequestPlan {
        guard params.cursor == nil else { return .fail(.invalidParams("unknown cursor; this list has a single page")) }
        return .respond(encoding: result())
    }
}

extension JSONValue {
    /// The JSON an encodable value writes, as a value.
    init(encoding value: some Encodable) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: WireJSON.encode(value))
    }
}
