import Foundation
import RecallCore

extension SearchPage: TextRenderable {
    func renderText() -> String {
        guard !results.isEmpty else { return "No results." }
        var table = TextTable(columns: [
            .init("KIND"), .init("ID"), .init("SCORE", alignment: .right), .init("DATE"),
            .init("FROM", maxWidth: 30), .init("SNIPPET", flexible: true),
        ])
        for hit in results {
            table.append([
                hit.kind.rawValue, hit.id, TextFormat.decimal(hit.score), TextFormat.date(hit.createdAt),
                Self.origin(of: hit), hit.snippet.replacingOccurrences(of: "**", with: ""),
            ])
        }
        var text = table.render(width: Console.width)
        if let nextCursor { text += "\n\nMore results: --cursor \(nextCursor)" }
        return text
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
