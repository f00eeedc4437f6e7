import Foundation
import Hummingbird
import RecallCore

/// `/chats/{id}`: one conversation's active branch with roles and times, hidden material
/// folded, a note where other branches exist, and the forms that rename, pin, file and tag it.
enum ChatPage {
    /// Messages a page shows.
    static let pageSize = 100

    /// The conversation, from `offset` or around the message `at`.
    static func render(_ id: String, request: Request, user: WebUser) async throws -> Response {
        let query = WebForm(query: request)
        let at = query.string("at")
        var reading = ConversationRequest(
            id: id, offset: max(0, query.int("offset") ?? 0), limit: pageSize, includeHidden: true)
        if let at {
            reading.aroundMessageID = at
            reading.before = 20
            reading.after = 30
        }
        let (page, chat, branches) = try await CoreWork.run { [reading] () -> (ConversationPage, Chat?, Int) in
            let page = try user.recall.conversation(reading)
            let chat = try Self.chat(page, recall: user.recall)
            return (page, chat, try user.recall.otherBranchMessages(chatID: page.id))
        }
        let messages = page.messages.map { message(_: $0, target: at) }
        var notes: [HTML] = []
        if branches > 0 {
            notes.append(
                "<p class=\"notice\">This conversation has other branches (edited prompts or regenerated answers): \(branches) more \(branches == 1 ? "message is" : "messages are") stored besides the branch shown here. A search hit on another branch opens that branch.</p>"
            )
        }
        if let saved = query.string("saved") { notes.append("<p class=\"notice\" role=\"status\">Saved \(saved).</p>") }
        var pager: [HTML] = []
        if page.offset > 0 {
            pager.append("<a href=\"/chats/\(page.id)?offset=\(max(0, page.offset - pageSize))\">Earlier messages</a>")
        }
        if let next = page.nextOffset {
            pager.append("<a href=\"/chats/\(page.id)?offset=\(next)\">Later messages</a>")
        }
        let meta: HTML =
            chat.map { chat in
                "<div class=\"meta\"><span>\(chat.platform.rawValue)</span><span>\(chat.messageCount) messages</span><span>started <time>\(WebPage.time(chat.createdAt))</time></span>\(chat.pinned ? "<span><strong>pinned</strong></span>" as HTML : "")\(chat.bucket.map { "<span>bucket \($0)</span>" as HTML } ?? "")\(chat.tags.map { "<span class=\"tag\">\($0)</span>" as HTML })</div>"
            } ?? ""
        let body: HTML = """
            <p class="subtitle"><strong>\(page.title)</strong></p>
            \(meta)
            \(notes)
            \(chat.flatMap { user.canWrite ? manage($0, user: user) : nil } ?? "")
            <p role="status">Showing messages \(page.offset + 1)–\(page.offset + page.messages.count) of \(page.total).</p>
            <nav class="pager" aria-label="Earlier and later">\(pager)</nav>
            <div class="conversation">\(messages)</div>
            <nav class="pager" aria-label="Earlier and later">\(pager)</nav>
            """
        return WebPage.render("Conversation", section: "/chats", user: user, body)
    }

    /// The chat's own record (title, pin, bucket, tags), found by listing with its id's title.
    private static func chat(_ page: ConversationPage, recall: Recall) throws -> Chat? {
        var listing = ChatListRequest(page: 1, pageSize: 100, platform: page.platform, title: page.title)
        while true {
            let chats = try recall.listChats(listing)
            if let chat = chats.items.first(where: { $0.id == page.id }) { return chat }
            guard listing.page < chats.totalPages else { return nil }
            listing.page += 1
        }
    }

    private static func message(_ message: Message, target: String?) -> HTML {
        let isTarget = message.id == target || message.sourceMessageID == target
        let role = message.role.rawValue
        let attachments: HTML =
            (message.attachments ?? []).isEmpty
            ? "" : "<p class=\"meta\">\((message.attachments ?? []).count) attachment(s)</p>"
        let text: HTML = "<pre>\(message.content)</pre>"
        if message.hidden {
            return """
                <details class="hidden-material" id="\(message.id)"\(isTarget ? " open" : "")><summary>\(role): hidden material (reasoning, tool traffic or system prompt)</summary>
                <div class="message \(role)\(isTarget ? " target" : "")">\(text)</div></details>
                """
        }
        return """
            <article class="message \(role)\(isTarget ? " target" : "")" id="\(message.id)" tabindex="-1">
            <div class="meta"><strong>\(role)</strong><time>\(WebPage.time(message.createdAt))</time></div>\(text)\(attachments)</article>
            """
    }

    /// Rename, pin, bucket, tags and forget.
    private static func manage(_ chat: Chat, user: WebUser) -> HTML {
        """
        <details class="card"><summary>Rename, pin, file, tag or forget</summary>
        <form method="post" action="/chats/\(chat.id)" class="fields">\(user.tokenField)
        <label>Title <input name="title" value="\(chat.title)"></label>
        <label>Bucket <input name="bucket" value="\(chat.bucket)"></label>
        <label>Tags <input name="tags" value="\(chat.tags.joined(separator: ", "))" placeholder="a, b"></label>
        <div><button type="submit">Save</button></div></form>
        <div class="actions">
        <form method="post" action="/chats/\(chat.id)/pin">\(user.tokenField)<input type="hidden" name="pinned" value="\(chat.pinned ? "false" : "true")"><button class="quiet" type="submit">\(chat.pinned ? "Unpin" : "Pin")</button></form>
        <a href="/review?chat=\(chat.id)">Review memories from this chat</a>
        <a href="/chats/\(chat.id)/forget">Forget this conversation…</a></div>
        </details>
        """
    }

    /// Saves title, bucket and tags; only what changed is sent.
    static func save(_ id: String, form: WebForm, user: WebUser) async throws -> Response {
        var update = ChatUpdate(id: id)
        if let title = form.string("title") { update.title = title }
        if form.raw("bucket") != nil { update.bucket = form.string("bucket") ?? "" }
        if form.raw("tags") != nil { update.tags = form.tags("tags") }
        if let pinned = form.string("pinned") { update.pinned = pinned == "true" }
        guard update != ChatUpdate(id: id) else { return WebPage.redirect("/chats/\(id)") }
        _ = try await CoreWork.run { [update] in try user.recall.updateChat(update) }
        return WebPage.redirect(
            "/chats/\(id)?saved=\(update.pinned == nil ? "changes" : (update.pinned == true ? "pinned" : "unpinned"))")
    }
}
