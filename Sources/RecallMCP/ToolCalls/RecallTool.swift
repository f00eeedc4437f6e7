import RecallCore

/// A tool's arguments: decoded from the call's `arguments` object with snake_case keys.
///
/// `CodingKeys` is spelled out (rather than `convertFromSnakeCase`, which turns `chat_id` into
/// `chatId`, not `chatID`) and is `CaseIterable`, so a test can check it against the schema.
protocol ToolArguments: Decodable, Sendable {
    associatedtype CodingKeys: CodingKey & CaseIterable
}

extension ToolArguments {
    /// Every argument name this type reads.
    static var argumentNames: [String] { CodingKeys.allCases.map(\.stringValue) }
}

/// Arguments of a tool that takes none.
struct NoArguments: ToolArguments {
    enum CodingKeys: CodingKey, CaseIterable {}

    /// Accepts the empty object (and, after validation, nothing else).
    init(from decoder: any Decoder) throws {}
}

/// One MCP tool: typed arguments in, one RecallCore call, a typed JSON object out.
///
/// The registry does everything JSON-shaped around it: validating and decoding the arguments,
/// encoding the output as `structuredContent` plus the same JSON as text, mapping errors.
protocol RecallTool: Sendable {
    /// What the tool reads.
    associatedtype Arguments: ToolArguments
    /// What it returns; always encodes as a JSON object.
    associatedtype Output: Encodable & Sendable

    /// The wire name, matching `^[a-zA-Z0-9_-]{1,64}$`.
    static var name: String { get }
    /// A short human-readable name.
    static var title: String { get }
    /// One to three sentences, at most 300 characters.
    static var description: String { get }
    /// The flat schema of `Arguments` (see `JSONSchema`).
    static var inputSchema: JSONValue { get }
    /// The schema of `Output`.
    static var outputSchema: JSONValue { get }
    /// Behaviour hints.
    static var annotations: ToolAnnotations { get }
    /// What the model should do when a result is too large to return.
    static var oversizeHint: String { get }
    /// For a read that lists items: how its result is cut to fit rather than refused; nil
    /// refuses a result that is too large, with `oversizeHint`.
    static var clipping: ReadClipping? { get }

    /// Runs the tool.
    func call(_ arguments: Arguments, context: ToolContext) async throws -> Output

    /// How a call with these (not yet validated) arguments is ordered among the others; see
    /// `CallOrder`. By default a read-only tool reads and any other writes.
    static func kind(of arguments: [String: JSONValue]) -> CallKind
}

extension RecallTool {
    static func kind(of arguments: [String: JSONValue]) -> CallKind {
        annotations.readOnly ? .read : .write
    }

    static var oversizeHint: String { "Narrow the request with filters or a smaller limit." }
    static var clipping: ReadClipping? { nil }
}
