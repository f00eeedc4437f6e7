import Foundation

/// The request a model answers with `FactProposal`s: instructions, then the user's messages, each
/// labelled with the id a proposal must cite.
public struct FactProposalPrompt: Sendable, Equatable {
    /// Instructions for the model (a system prompt).
    public let instructions: String
    /// The task and the labelled messages.
    public let text: String
    /// How many messages fit into the budget (the rest are left to the rules).
    public let messagesIncluded: Int

    /// Most characters of messages one prompt carries; longer messages are cut.
    public static let defaultBudget = 12_000

    /// A prompt over the user's messages among `inputs`, within `budget` characters.
    public init(inputs: [ExtractionInput], budget: Int = defaultBudget) {
        var lines: [String] = []
        var used = 0
        for input in inputs where input.role == .user {
            let text = input.text.split(whereSeparator: \.isNewline).joined(separator: " ")
            guard used < budget, !text.allSatisfy(\.isWhitespace) else { continue }
            let kept = String(text.prefix(min(2_000, budget - used)))
            used += kept.count
            let date = input.date.map { " (\(Self.day($0)))" } ?? ""
            lines.append("[\(Self.label(of: input))]\(date) \(kept)")
        }
        instructions = "You extract durable facts about a user from their own chat messages. You reply with JSON only."
        text = Self.task + "\n\nMessages:\n" + lines.joined(separator: "\n")
        messagesIncluded = lines.count
    }

    /// How a proposal cites an input: its message id, or `text` for free text.
    public static func label(of input: ExtractionInput) -> String {
        input.source?.messageID ?? "text"
    }

    private static let task = """
        Extract durable facts about the user from the messages below: preferences, facts about them, \
        experiences, goals, and the people in their life.
        - Write each fact as one sentence in the third person that starts with "The user" \
        (for example "The user is vegetarian.").
        - Cite the id in brackets of the message that states it.
        - Only what the user says about themselves: no questions, hypotheticals, quotations, code or general knowledge.
        - Keep negations ("The user doesn't eat meat.").
        Reply with JSON only: {"facts": [{"message_id": "...", "content": "The user ...", \
        "type": "preference|fact|experience|goal|relationship", "confidence": 0.0-1.0}]}
        """

    private static func day(_ date: Date) -> String {
        let parts = ResolvedTime.calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
