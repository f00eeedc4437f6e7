import RecallCore

/// The client's model's answer to a `sampling/createMessage` request: its text and its name.
struct SamplingReply: Sendable {
    /// The text blocks of the reply, joined.
    let text: String
    /// The model the client used.
    let model: String?

    /// Most tokens the model may write: room for a few dozen facts.
    static let maxTokens = 2_000

    /// Asks the client's model to answer `prompt`; throws the client's error if it refuses.
    static func ask(_ prompt: FactProposalPrompt, context: ToolContext) async throws -> SamplingReply {
        let params: JSONValue = .object([
            "messages": .array([
                .object([
                    "role": .string("user"),
                    "content": .object(["type": .string("text"), "text": .string(prompt.text)]),
                ])
            ]),
            "systemPrompt": .string(prompt.instructions),
            "maxTokens": .int(Int64(maxTokens)),
            "temperature": .int(0),
            "includeContext": .string("none"),
        ])
        let result = try await context.createMessage(params)
        // A single content block, or (from 2025-11-25) a list of them.
        let blocks = result["content"]?.arrayValue ?? result["content"].map { [$0] } ?? []
        let text = blocks.compactMap { $0["type"]?.stringValue == "text" ? $0["text"]?.stringValue : nil }.joined(
            separator: "\n")
        return SamplingReply(text: text, model: result["model"]?.stringValue)
    }
}
