import Foundation
import Hummingbird
import RecallCore

/// `/chats`: the conversations with `list_chats`' filters, page by page.
enum ChatListPage {
    /// The page for a request's filters.
    static func render(_ request: Request, user: WebUser) async throws -> Response {
        let query = WebForm(query: request)
        var listing = ChatListRequest(page: max(1, query.int("page") ?? 1), pageSize: 20)
        if let name = query.string("platform") {
            guard let platform = Platform(rawValue: name) else {
                throw WebError(status: .badRequest, message: "There is no platform “\(name)”.")
            }
            listing.platform = platform
        }
        listing.title = query.string("title")
        listing.dateFrom = try query.date("from")
        listing.dateTo = try query.date("to", endOfDay: true)
        listing.pinnedOnly = query.flag("pinned")
        listing.importID = query.string("import")
        listing.bucket = query.string("bucket")
        let page = try await CoreWork.run { [listing] in try user.recall.listChats(listing) }
        let rows = page.items.map { chat -> HTML in
            let tags = chat.tags.map { tag -> HTML in "<span class=\"tag\">\(tag)</span>" }
            return """
                <li class="card"><a href="/chats/\(chat.id)"><strong>\(chat.title.isEmpty ? "(untitled)" : chat.title)</strong></a>
                <div class="meta"><span>\(chat.platform.rawValue)</span><span>\(chat.messageCount) messages</span><span>updated <time>\(WebPage.time(chat.updatedAt ?? chat.createdAt))</time></span>\(chat.pinned ? "<span><strong>pinned</strong></span>" as HTML : "")\(chat.bucket.map { "<span>bucket \($0)</span>" as HTML } ?? "")\(tags)</div></li>
                """
        }
        let previous: HTML =
            page.page > 1
            ? "<a href=\"/chats?\(query.encoded(without: ["page", "forgot"], adding: [("page", String(page.page - 1))]))\" rel=\"prev\">Previous</a>"
            : ""
        let next: HTML =
            page.page < page.totalPages
            ? "<a href=\"/chats?\(query.encoded(without: ["page", "forgot"], adding: [("page", String(page.page + 1))]))\" rel=\"next\">Next</a>"
            : ""
        let body: HTML = """
            \(query.string("forgot") != nil ? "<p class=\"notice\" role=\"status\">The conversation was forgotten.</p>" as HTML : "")
            \(filters(query))
            <p role="status">\(page.total) \(page.total == 1 ? "conversation" : "conversations")\(page.totalPages > 1 ? ", page \(page.page) of \(page.totalPages)" : "")</p>
            <ul class="list">\(rows)</ul>
            \(page.items.isEmpty ? "<p>No conversations match. <a href=\"/upload\">Upload an export</a>, or clear the filters.</p>" as HTML : "")
            <nav class="pager" aria-label="Pages">\(previous) \(next)</nav>
            """
        return WebPage.render("Conversations", section: "/chats", user: user, body)
    }

    private static func filters(_ query: WebForm) -> HTML {
        """
        <form class="filters" method="get" action="/chats" role="search" aria-label="Filter conversations">
        <label>Title <input name="title" value="\(query.string("title"))"></label>
        <label>Platform <select name="platform">\(platformOptions(query.string("platform")))</select></label>
        <label>From <input type="date" name="from" value="\(query.string("from"))"></label>
        <label>To <input type="date" name="to" value="\(query.string("to"))"></label>
        <label>Bucket <input name="bucket" size="10" value="\(query.string("bucket"))"></label>
        <label>Import <input name="import" size="10" placeholder="imp_…" value="\(query.string("import"))"></label>
        <label class="check"><input type="checkbox" name="pinned"\(query.flag("pinned") ? " checked" : "")> pinned only</label>
        <button type="submit">Filter</button> <a href="/chats">Clear</a>
        </form>
        """
    }

    /// `<option>`s for every platform, `selected` marked.
    static func platformOptions(_ selected: String?) -> [HTML] {
        ([""] + Platform.allCases.map(\.rawValue)).map { name -> HTML in
            "<option value=\"\(name)\"\(selected == name || (selected == nil && name.isEmpty) ? " selected" : "")>\(name.isEmpty ? "any" : name)</option>"
        }
    }
}
