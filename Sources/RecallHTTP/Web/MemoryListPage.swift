import Foundation
import Hummingbird
import RecallCore

/// `/memories`: the list with `list_memories`' filters, a page at a time.
enum MemoryListPage {
    /// The page for a request's filters.
    static func render(_ request: Request, user: WebUser) async throws -> Response {
        let query = WebForm(query: request)
        var listing = MemoryListRequest(limit: 25, cursor: query.string("cursor"))
        listing.order = query.string("order") == "oldest" ? .oldest : .newest
        if let type = query.string("type") {
            guard let memoryType = MemoryType(rawValue: type) else {
                throw WebError(status: .badRequest, message: "There is no memory type “\(type)”.")
            }
            listing.memoryType = memoryType
        }
        if let text = query.string("min_confidence") {
            guard let value = Double(text), (0...1).contains(value) else {
                throw WebError(
                    status: .badRequest, message: "The least confidence is a number from 0 to 1, such as 0.8.")
            }
            listing.minConfidence = value
        }
        listing.bucket = query.string("bucket")
        listing.tags = query.tags("tags")
        listing.userID = query.string("user")
        listing.since = try query.date("since")
        listing.until = try query.date("until", endOfDay: true)
        listing.includeSuperseded = query.flag("superseded")
        let page = try await CoreWork.run { [listing] in try user.recall.listMemories(listing) }
        let cards = page.memories.map { MemoryCard.render($0, user: user) }
        var notices: [HTML] = []
        if query.string("forgot") != nil { notices.append("<p class=\"notice\" role=\"status\">Forgotten.</p>") }
        let next: HTML =
            page.nextCursor.map { cursor in
                "<a href=\"/memories?\(query.encoded(without: ["cursor", "forgot"], adding: [("cursor", cursor)]))\">Next page</a>"
            } ?? ""
        let first: HTML =
            listing.cursor == nil
            ? "" : "<a href=\"/memories?\(query.encoded(without: ["cursor", "forgot"]))\">First page</a>"
        let review: HTML =
            user.canWrite
            ? "<p><a href=\"/review\">Review memories found in your chats</a> before they are stored.</p>" : ""
        let body: HTML = """
            \(notices)
            \(filters(query))
            \(review)
            <p role="status">\(page.total) \(page.total == 1 ? "memory" : "memories")</p>
            <ul class="list">\(cards)</ul>
            \(page.memories.isEmpty ? "<p>No memories match. Upload a chat export, or clear the filters.</p>" as HTML : "")
            <nav class="pager" aria-label="Pages">\(first) \(next)</nav>
            """
        return WebPage.render("Memories", section: "/memories", user: user, body)
    }

    private static func filters(_ query: WebForm) -> HTML {
        let types = ([""] + MemoryType.allCases.map(\.rawValue)).map { type -> HTML in
            "<option value=\"\(type)\"\(query.string("type") == type ? " selected" : "")>\(type.isEmpty ? "any" : type)</option>"
        }
        let oldest = query.string("order") == "oldest"
        return """
            <form class="filters" method="get" action="/memories" role="search" aria-label="Filter memories">
            <label>Type <select name="type">\(types)</select></label>
            <label>Least confidence <input name="min_confidence" inputmode="decimal" size="5" value="\(query.string("min_confidence"))"></label>
            <label>Bucket <input name="bucket" size="10" value="\(query.string("bucket"))"></label>
            <label>Tags <input name="tags" size="12" placeholder="a, b" value="\(query.string("tags"))"></label>
            <label>User <input name="user" size="8" placeholder="default" value="\(query.string("user"))"></label>
            <label>From <input type="date" name="since" value="\(query.string("since"))"></label>
            <label>To <input type="date" name="until" value="\(query.string("until"))"></label>
            <label>Order <select name="order"><option value="newest">newest first</option><option value="oldest"\(oldest ? " selected" : "")>oldest first</option></select></label>
            <label class="check"><input type="checkbox" name="superseded"\(query.flag("superseded") ? " checked" : "")> replaced too</label>
            <button type="submit">Filter</button> <a href="/memories">Clear</a>
            </form>
            """
    }
}
