import Foundation

@testable import RecallCore

/// Small hand-made conversations for store and search tests.
enum Conversations {
    static func date(_ day: Int) -> Date { Date(timeIntervalSince1970: 1_714_521_600 + Double(day) * 86_400) }

    /// A ChatGPT-like chat with an edited branch: `u1 → a1 → u2 → a2` active, `u2b → a2b` abandoned.
    static func branched(
        title: String? = "Trip planning", secondAnswer: String = "Kyoto in autumn is lovely; book early."
    ) -> ParsedConversation {
        ParsedConversation(
            platform: .chatgpt, sourceID: "conv-1", title: title, createdAt: date(0), updatedAt: date(1),
            messages: [
                ParsedMessage(
                    sourceID: "u1", role: .user, text: "I love hiking and I live in Lisbon.", createdAt: date(0),
                    activePosition: 0),
                ParsedMessage(
                    sourceID: "a1", parentSourceID: "u1", role: .assistant, text: "Lisbon has great trails nearby.",
                    createdAt: date(0), activePosition: 1),
                ParsedMessage(
                    sourceID: "t1", parentSourceID: "a1", role: .assistant, text: "Thinking about Japan itineraries",
                    createdAt: date(0), hidden: true, activePosition: 2, contentType: "thoughts"),
                ParsedMessage(
                    sourceID: "u2", parentSourceID: "t1", role: .user, text: "When should I visit Kyoto?",
                    createdAt: date(1), activePosition: 3),
                ParsedMessage(
                    sourceID: "a2", parentSourceID: "u2", role: .assistant, text: secondAnswer, createdAt: date(1),
                    activePosition: 4),
                ParsedMessage(
                    sourceID: "u2b", parentSourceID: "a1", role: .user, text: "Should I visit Osaka instead?",
                    createdAt: date(1)),
                ParsedMessage(
                    sourceID: "a2b", parentSourceID: "u2b", role: .assistant, text: "Osaka is famous for okonomiyaki.",
                    createdAt: date(1)),
            ])
    }

    /// A Claude-like chat with an attachment whose text must be searchable.
    static func withAttachment() -> ParsedConversation {
        ParsedConversation(
            platform: .claude, sourceID: "conv-2", title: "Tax questions", createdAt: date(2), updatedAt: date(2),
            messages: [
                ParsedMessage(
                    sourceID: "c1", role: .user, text: "Please read my notes.", createdAt: date(2), activePosition: 0,
                    attachments: [
                        Attachment(
                            kind: .file, name: "notes.txt",
                            extractedText: "Deductible expenses include the zebrafish aquarium.")
                    ]),
                ParsedMessage(
                    sourceID: "c2", parentSourceID: "c1", role: .assistant,
                    text: "Your notes mention deductible expenses.", createdAt: date(2), activePosition: 1),
            ])
    }
}
