import RecallCore

extension ChatPage: TextRenderable {
    func renderText() -> String {
        guard !items.isEmpty else { return total == 0 ? "No chats." : "No chats on page \(page) of \(totalPages)." }
        return table + "\n\nPage \(page) of \(totalPages), \(TextFormat.count(total, "chat"))."
    }

    /// The page's chats, one row each: pinned ones marked `*`.
    var table: String {
        var table = TextTable(columns: [
            .init("ID"), .init("PLATFORM"), .init("UPDATED"), .init("MSGS", alignment: .right),
            .init("BUCKET", maxWidth: 16), .init("TITLE", flexible: true),
        ])
        for chat in items {
            table.append([
                chat.id + (chat.pinned ? " *" : ""), chat.platform.displayName,
                TextFormat.date(chat.updatedAt ?? chat.createdAt), String(chat.messageCount), chat.bucket ?? "-",
                chat.title,
            ])
        }
        return table.render(width: Console.width)
    }
}
