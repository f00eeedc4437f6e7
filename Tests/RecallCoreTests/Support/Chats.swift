import Foundation

@testable import RecallCore

/// One-line chats for memory tests: each message is a user turn said on a given day.
enum Chats {
    /// A chat whose user turns are `texts`, said on `day` (days after 1 May 2024).
    static func said(_ texts: [String], day: Int, id: String) -> ParsedConversation {
        ParsedConversation(
            platform: .chatgpt, sourceID: id, title: "Chat \(id)", createdAt: Conversations.date(day),
            updatedAt: Conversations.date(day),
            messages: texts.enumerated().map { index, text in
                ParsedMessage(
                    sourceID: "\(id)-\(index)", parentSourceID: index > 0 ? "\(id)-\(index - 1)" : nil, role: .user,
                    text: text,
                    createdAt: Conversations.date(day), activePosition: index)
            })
    }
}
