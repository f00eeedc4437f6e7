import Foundation
import RecallCore

extension SearchPage: TextRenderable {
    func renderText() -> String {
        guard !results.isEmpty else { return "No results." }
        var table = TextTable(columns: [
            .init("KIND"), .init("ID"), .init("SCORE", alignment: .right), .init("FOUND BY"), .init("DATE"),
            .init("FROM", maxWidth: 30), .init("TEXT", flexible: true),
        ])
        for hit in results {
            // A memory is short: show it whole; a message shows the passage around the match.
            let text = hit.content ?? hit.snippet.replacingOccurrences(of: "**", with: "")
            table.append([
                hit.kind.rawValue, hit.id, TextFormat.decimal(hit.score), Self.foundBy(hit), TextFormat.date(hit.createdAt),
                Self.origin(of: hit), text.replacingOccurrences(of: "\n", with: " "),
            ])
        }
        var text = table.render(width: Console.width)
        if let nextCursor { text += "\n\nMore results: --cursor \(nextCursor)" }
        return text
    }

    /// `keyword`, `meaning`, `keyword+meaning`, or `-` for a listing without a query.
    static func foundBy(_ hit: SearchHit) -> String {
        guard let evidence = hit.matchedBy, !evidence.isEmpty else { return "-" }
        return evidence.map(\.rawValue).joined(separator: "+")
    }

    /// For a message, where it was said; for a memory, what kind it is.
    private static func origin(of hit: SearchHit) -> String {
        switch hit.kind {
        case .message:
            let role = hit.role.map { "\($0.rawValue) in " } ?? ""
            return role + (hit.chatTitle ?? hit.chatID ?? "-")
        case .memory:
            return [hit.memoryType?.rawValue, hit.tags.map { TextFormat.list($0) }].compactMap { $0 }.joined(
                separator: " · ")
        }
    }
}
