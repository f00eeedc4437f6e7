import Foundation
import Hummingbird
import RecallCore

/// `/search`: one box over memories and messages with `search`'s filters; each message hit opens
/// its conversation at that message.
enum SearchPage {
    /// The form, and the hits when there is a query.
    static func render(_ request: Request, user: WebUser) async throws -> Response {
        let query = WebForm(query: request)
        let text = query.string("q")
        var hits: [SearchHit] = []
        var nextCursor: String?
        if let text {
            var filters = SearchFilters()
            if let name = query.string("platform") {
                guard let platform = Platform(rawValue: name) else {
                    throw WebError(status: .badRequest, message: "There is no platform “\(name)”.")
                }
                filters.platform = platform
            }
            if let name = query.string("type") {
                guard let type = MemoryType(rawValue: name) else {
                    throw WebError(status: .badRequest, message: "There is no memory type “\(name)”.")
                }
                filters.memoryType = type
            }
            filters.bucket = query.string("bucket")
            filters.tags = query.tags("tags")
            filters.dateFrom = try query.date("from")
            filters.dateTo = try query.date("to", endOfDay: true)
            let scope = SearchScope(rawValue: query.string("scope") ?? "all") ?? .all
            let search = SearchRequest(
                query: text, scope: scope, filters: filters, limit: 20, cursor: query.string("cursor"))
            let page = try await CoreWork.run { try user.recall.search(search) }
            hits = page.results
            nextCursor = page.nextCursor
        }
        let items = hits.map(hit)
        let more: HTML =
            nextCursor.map {
                "<nav class=\"pager\"><a href=\"/search?\(query.encoded(without: ["cursor"], adding: [("cursor", $0)]))\">More results</a></nav>"
            } ?? ""
        let results: HTML =
            text == nil
            ? ""
            : """
            <p role="status">\(hits.isEmpty ? "Nothing found." : "\(hits.count)\(nextCursor == nil ? "" : "+") \(hits.count == 1 ? "result" : "results")")</p>
            <ol class="list results">\(items)</ol>\(more)
            """
        let body: HTML = """
            \(form(query))
            \(results)
            """
        return WebPage.render("Search", section: "/search", user: user, body)
    }

    private static func hit(_ hit: SearchHit) -> HTML {
        let snippet = highlight(hit.snippet)
        if hit.kind == .memory {
            let source: HTML = hit.source.map(MemoryCard.sourceLink) ?? ""
            return """
                <li class="card"><div class="meta"><strong>memory</strong><span>\(hit.memoryType?.rawValue)</span><span><time>\(WebPage.time(hit.createdAt))</time></span></div>
                <p><a href="/memories/\(hit.id)">\(snippet)</a></p><div class="meta">\(source)</div></li>
                """
        }
        let chatID = hit.chatID ?? ""
        return """
            <li class="card"><div class="meta"><strong>\(hit.role?.rawValue ?? "message")</strong><span>\(hit.platform?.rawValue)</span><span><time>\(WebPage.time(hit.createdAt))</time></span></div>
            <p><a href="/chats/\(chatID)?at=\(hit.id)#\(hit.id)">\(snippet)</a></p>
            <div class="meta"><span>in \(hit.chatTitle ?? "a conversation")</span></div></li>
            """
    }

    /// The snippet escaped, with the store's `**match**` markers turned into `<mark>`.
    static func highlight(_ snippet: String) -> HTML {
        let parts = snippet.components(separatedBy: "**")
        guard parts.count > 1, parts.count % 2 == 1 else { return "\(snippet)" }
        return HTML(
            joining: parts.enumerated().map { index, part in index % 2 == 1 ? "<mark>\(part)</mark>" : "\(part)" })
    }

    private static func form(_ query: WebForm) -> HTML {
        let scope = query.string("scope") ?? "all"
        let scopes = [("all", "memories and messages"), ("memories", "memories"), ("messages", "messages")].map {
            value, label -> HTML in
            "<option value=\"\(value)\"\(scope == value ? " selected" : "")>\(label)</option>"
        }
        let types = ([""] + MemoryType.allCases.map(\.rawValue)).map { type -> HTML in
            "<option value=\"\(type)\"\(query.string("type") == type ? " selected" : "")>\(type.isEmpty ? "any" : type)</option>"
        }
        return """
            <form class="filters" method="get" action="/search" role="search">
            <label class="grow">Search <input type="search" name="q" value="\(query.string("q"))" autofocus></label>
            <label>In <select name="scope">\(scopes)</select></label>
            <label>Platform <select name="platform">\(ChatListPage.platformOptions(query.string("platform")))</select></label>
            <label>Memory type <select name="type">\(types)</select></label>
            <label>Bucket <input name="bucket" size="10" value="\(query.string("bucket"))"></label>
            <label>Tags <input name="tags" size="10" placeholder="a, b" value="\(query.string("tags"))"></label>
            <label>From <input type="date" name="from" value="\(query.string("from"))"></label>
            <label>To <input type="date" name="to" value="\(query.string("to"))"></label>
            <button type="submit">Search</button>
            </form>
            """
    }
}
