import Foundation
import Hummingbird
import RecallCore

/// `/overview`: counts by platform, type, bucket and tag, and a chart of messages and memories
/// per month.
enum OverviewPage {
    /// The page.
    static func render(user: WebUser) async throws -> Response {
        let (stats, months) = try await CoreWork.run { (try user.recall.stats(), try user.recall.activityByMonth()) }
        let body: HTML = """
            <p role="status">\(count(stats.chats, "conversation", "conversations")), \(count(stats.messages, "message", "messages")), \(count(stats.memories, "memory", "memories")) (\(count(stats.supersededMemories, "earlier version", "earlier versions")) kept).</p>
            <h2>Per month</h2>
            \(MonthChart.render(months))
            <div class="grid">
            \(table("Conversations by platform", stats.chatsByPlatform) { "/chats?platform=\(HTML.query($0))" })
            \(table("Memories by type", stats.memoriesByType) { "/memories?type=\(HTML.query($0))" })
            \(table("By bucket", stats.byBucket) { "/chats?bucket=\(HTML.query($0))" })
            \(table("By tag", stats.byTag) { "/memories?tags=\(HTML.query($0))" })
            </div>
            """
        return WebPage.render("Overview", section: "/overview", user: user, body)
    }

    private static func count(_ value: Int, _ one: String, _ many: String) -> String {
        "\(value) \(value == 1 ? one : many)"
    }

    private static func table(_ title: String, _ counts: [String: Int], link: (String) -> String) -> HTML {
        let rows = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(30).map { name, count -> HTML in
            "<tr><td><a href=\"\(link(name))\">\(name)</a></td><td class=\"n\">\(count)</td></tr>"
        }
        return """
            <section class="card"><h2>\(title)</h2>
            \(rows.isEmpty ? "<p>None yet.</p>" as HTML : "<table><tbody>\(Array(rows))</tbody></table>")</section>
            """
    }
}
