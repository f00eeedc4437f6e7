import RecallCore

/// The one prompt, `recall_context`: puts what Recall holds about a topic into the conversation.
struct PromptProvider: Sendable {
    /// The prompt's name.
    static let name = "recall_context"

    let recall: Recall

    /// The `prompts/list` result.
    static func list(for version: ProtocolVersion) -> MCPPrompt.List {
        let prompt = MCPPrompt(
            name: name, title: version.hasStructuredOutput ? "Recall context" : nil,
            description: "Bring what Recall remembers about a topic into the conversation, with citations.",
            arguments: [MCPPrompt.Argument(name: "topic", description: "What to recall", required: true)])
        return MCPPrompt.List(prompts: [prompt])
    }

    /// The prompt for `topic`, built from `Recall.context`; failures are JSON-RPC errors.
    func get(topic: String) async throws -> MCPPrompt.GetResult {
        let block: ContextBlock
        do {
            block = try await CoreCall.run(recall) { try $0.context(ContextRequest(query: topic)) }
        } catch let error as RecallError {
            throw error.jsonRPCError()
        }
        let text =
            block.context.allSatisfy(\.isWhitespace)
            ? "Recall holds nothing about “\(topic)” yet."
            : "Here is what Recall, my local memory, holds about “\(topic)”. Use it in your answer and cite the [n] references you rely on.\n\n\(block.context)"
        return MCPPrompt.GetResult(
            description: "What Recall remembers about \(topic)",
            messages: [MCPPrompt.Message(role: "user", content: MCPPrompt.TextContent(text: text))])
    }
}
