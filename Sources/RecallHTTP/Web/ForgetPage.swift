import Foundation
import Hummingbird
import RecallCore

/// Forgetting from the page: first a dry run that says what would go, then the real thing.
enum ForgetPage {
    /// The confirmation page for forgetting `request`'s items, with the dry run's counts.
    static func confirm(_ request: ForgetRequest, what: String, action: String, cancel: String, user: WebUser)
        async throws -> Response
    {
        var dry = request
        dry.dryRun = true
        let result = try await CoreWork.run { [dry] in try user.recall.forget(dry) }
        let counts = describe(result)
        let body: HTML = """
            <p>Forgetting \(what) deletes for good: \(counts).</p>
            <p>Nothing has been deleted yet.</p>
            <form method="post" action="\(action)" data-confirm="Delete \(counts)? This cannot be undone.">\(user.tokenField)
            <div class="actions"><button class="danger" type="submit">Forget</button> <a href="\(cancel)">Cancel</a></div></form>
            """
        return WebPage.render("Forget \(what)?", section: nil, user: user, body)
    }

    /// Forgets for real.
    static func perform(_ request: ForgetRequest, user: WebUser) async throws {
        var request = request
        request.dryRun = false
        _ = try await CoreWork.run { [request] in try user.recall.forget(request) }
    }

    /// “1 chat, 14 messages and 2 memories” in plain words.
    static func describe(_ result: ForgetResult) -> String {
        var parts: [String] = []
        if result.chatsDeleted > 0 { parts.append(count(result.chatsDeleted, "chat", "chats")) }
        if result.chatsDeleted > 0 || result.messagesDeleted > 0 {
            parts.append(count(result.messagesDeleted, "message", "messages"))
        }
        if result.otherMessagesDeleted > 0 {
            parts.append(
                count(result.otherMessagesDeleted, "hidden or off-branch message", "hidden or off-branch messages"))
        }
        parts.append(count(result.memoriesDeleted, "memory", "memories"))
        if parts.count == 1 { return parts[0] }
        return parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
    }

    private static func count(_ value: Int, _ one: String, _ many: String) -> String {
        "\(value) \(value == 1 ? one : many)"
    }
}
