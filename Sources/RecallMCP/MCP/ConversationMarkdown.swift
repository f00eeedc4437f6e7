import Foundation
import RecallCore

/// Renders a slice of a conversation as Markdown for `resources/read`.
enum ConversationMarkdown {
    /// Text beyond this many characters is cut, with a note on how to read on.
    static let maximumCharacters = 100_000

    /// The slice as a Markdown document with a header and one section per message.
    static func render(_ page: ConversationPage) -> String {
        var header = "# \(page.title)\n\n\(page.platform.displayName) chat `\(page.id)`"
        if let created = page.createdAt { header += ", started \(created.formatted(.iso8601))" }
        if page.messages.isEmpty {
            header += ". No messages."
        } else {
            header += ". Messages \(page.offset + 1)–\(page.offset + page.messages.count) of \(page.total)."
        }
        var text = header + "\n"
        var length = text.count
        for message in page.messages {
            var heading = "\n**\(message.role.rawValue.capitalized)**"
            if let date = message.createdAt { heading += " · \(date.formatted(.iso8601))" }
            let section = heading + "\n\n" + message.content + "\n"
            length += section.count
            guard length <= maximumCharacters else {
                return text
                    + "\n---\n_Cut here to keep this short: read on with get_conversation (id `\(page.id)`, around_message_id `\(message.id)`)._\n"
            }
            text += section
        }
        if let next = page.nextOffset {
            text +=
                "\n---\n_\(page.total - next) more messages: read on with get_conversation (id `\(page.id)`, offset \(next))._\n"
        }
        return text
    }
}
