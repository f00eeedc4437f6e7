import Foundation
import RecallCore

extension SearchPage: TextRenderable {
    func renderText() -> String {
        render(width: Console.width)
    }

    /// One row per hit (kind, id, the chat it is in or came from, score, what found it, date,
    /// where it was said), and under it the snippet (a memory's whole content), wrapped to the
    /// full `width` in up to three lines.
    func render(width: Int) -> String {
        guard !results.isEmpty else { return "No results." }
        var table = TextTable(columns: [
            .init("KIND"), .init("ID"), .init("CHAT"), .init("SCORE", alignment: .right), .init("FOUND BY"),
            .init("DATE"),
            .init("FROM", flexible: true),
        ])
        for hit in results {
            table.append([
                hit.kind.rawValue, hit.id, hit.chatID ?? hit.source?.chatID ?? "-", TextFormat.decimal(hit.score),
                Self.foundBy(hit), TextFormat.date(hit.createdAt), Self.origin(of: hit),
            ])
        }
        let rows = table.render(width: width).components(separatedBy: "\n")
        var lines = [rows[0]]
        for (index, hit) in results.enumerated() {
            lines.append(rows[index + 1])
            // A memory is short: show it whole; a message shows the passage around the match.
            let text = hit.content ?? hit.snippet.replacingOccurrences(of: "**", with: "")
            lines += TextFormat.wrap(text, width: max(20, width - 4), lines: 3).map { "    " + $0 }
        }
        var text = lines.joined(separator: "\n")
        if let nextCursor { text += "\n\nMore results: --cursor \(nextCursor)" }
        return text
    }

    /// `keyword`, `meaning`, `keyword+meaning`, or `-` for a listing without a query.
    static func foundBy(_ hit: SearchHit) -> String {
        guard let evidence = hit.matchedBy, !evidence.isEmpty else { return "-" }
        return evidence.map(\.rawValue).joined(separator: "+")
    }

    /// For a message, who said it where; for a memory, what kind it is.
    private static func origin(of hit: SearchHit) -> String {
        switch hit.kind {
        case .message:
            let role = hit.role.map { "\($0.rawValue) in " } ?? ""
            return role + (hit.chatTitle ?? hit.chatID ?? "-")
        case .memory:
            let parts = [hit.memoryType?.rawValue, hit.tags.flatMap { $0.isEmpty ? nil : TextFormat.list($0) }]
            return parts.compactMap { $0 }.joined(separator: " · ")
        }
    }
}
