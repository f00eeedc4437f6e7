import RecallCore

/// `prompts/get`: checks the request at once, then builds the prompt from `Recall.context`.
struct GetPromptMethod: MCPMethod {
    static let name = "prompts/get"

    /// The prompt asked for and its arguments.
    struct Params: Decodable, Sendable {
        /// The prompt's name.
        var name: String
        /// The prompt's arguments by name; only strings are read.
        var arguments: [String: JSONValue]?
    }

    func plan(_ params: Params, in call: MethodCall) -> RequestPlan {
        guard params.name == PromptProvider.name else {
            return .fail(.invalidParams("unknown prompt: \(params.name); the prompt is \(PromptProvider.name)"))
        }
        guard let topic = params.arguments?["topic"]?.stringValue, !topic.allSatisfy(\.isWhitespace) else {
            return .fail(.invalidParams("\(PromptProvider.name) needs the argument `topic` (a non-empty string)"))
        }
        return .run { [prompts = call.session.prompts] _ in
            try JSONValue(encoding: try await prompts.get(topic: topic))
        }
    }
}
