import RecallCore

extension Chat: TextRenderable {
    func renderText() -> String {
        ChatPage(items: [self], page: 1, pageSize: 1, total: 1, totalPages: 1).table
            + "\n\nTags: \(TextFormat.list(tags))"
    }
}
