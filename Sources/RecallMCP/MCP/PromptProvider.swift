import RecallCore

/// The one prompt, `recall_context`: puts what Recall holds about a topic into the conversation.
struct PromptProvider: Sendable {
    /// The prompt's name.
    static let name = "recall_context"

    let recall: Recall

    /// The `prompts/list` result.
    func list(for version: ProtocolVersion) -> JSONValue {
        var prompt: [String: JSONValue] = [
            "name": .string(Self.name),
            "description": .string("Bring what Recall remembers about a topic into the conversation, with citations."),
            "arguments": .array([
                .object(["name": .string("topic"), "description": .string("What to recall"), "required": .bool(true)])
            ]),
        ]
        if version.hasStructuredOutput { prompt["title"] = .string("Recall context") }
        return .object(["prompts": .array([.object(prompt)])])
    }

    /// Checks the request at once, then builds the message from `Recall.context`.
    func get(_ params: JSONValue?) -> RequestPlan {
        guard let name = params?["name"]?.stringValue else { return .fail(.invalidParams("prompts/get needs params.name (a string)")) }
        guard name == Self.name else { return .fail(.invalidParams("unknown prompt: \(name); the prompt is \(Self.name)")) }
        guard let topic = params?["arguments"]?["topic"]?.stringValue, !topic.allSatisfy(\.isWhitespace) else {
            return .fail(.invalidParams("\(Self.name) needs the argument `topic` (a non-empty string)"))
        }
        return .run { [recall] _ in
            let block: ContextBlock
            do {
                block = try await CoreCall.run(recall) { try $0.context(ContextRequest(query: topic)) }
            } catch let error as RecallError {
                throw error.jsonRPCError()
            }
            let text = block.context.allSatisfy(\.isWhitespace)
                ? "Recall holds nothing about “\(topic)” yet."
                : "Here is what Recall, my local memory, holds about “\(topic)”. Use it in your answer and cite the [n] references you rely on.\n\n\(block.context)"
            return .object([
                "description": .string("What Recall remembers about \(topic)"),
                "messages": .array([
                    .object(["role": .string("user"), "content": .object(["type": .string("text"), "text": .string(text)])])
                ]),
            ])
        }
    }
}
