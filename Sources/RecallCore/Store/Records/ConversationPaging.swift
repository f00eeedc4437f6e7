/// How a conversation page is cut from a chat's stored messages, whichever store read them: the
/// same pages, cursors and truncation from SQLite and from PostgreSQL.
enum ConversationPaging {
    /// The messages from the root down to `leaf`, following parent links (cycle-safe), among
    /// `messages` (all of the chat's); hidden ones only when asked for, or when `leaf` is one.
    static func branch(endingAt leaf: MessageRecord, among messages: [MessageRecord], includeHidden: Bool)
        -> [MessageRecord]
    {
        var bySource: [String: MessageRecord] = [:]
        for record in messages { bySource[record.sourceId] = record }
        var chain: [MessageRecord] = [leaf]
        var seen: Set<String> = [leaf.sourceId]
        var current = leaf
        while let parentID = current.parentSourceId, let parent = bySource[parentID], !seen.contains(parentID) {
            chain.append(parent)
            seen.insert(parentID)
            current = parent
        }
        return chain.reversed().filter { includeHidden || !$0.hidden || $0.id == leaf.id }
    }

    /// The page of `records` from `offset`, at most `limit` messages and about
    /// `RecallDatabase.pageTextBudget` characters (a first message longer than that is cut).
    static func page(_ records: [MessageRecord], offset: Int, limit: Int, chatID: Int64, chat: ChatRecord)
        -> ConversationPage
    {
        let total = records.count
        let start = min(offset, total)
        let end = min(total, start + limit)
        var page: [Message] = []
        var used = 0
        for record in records[start..<end] {
            var message = record.message
            let remaining = RecallDatabase.pageTextBudget - used
            if message.content.count > remaining {
                if !page.isEmpty { break }
                let cut = max(remaining, 2_000)
                message.content =
                    String(message.content.prefix(cut))
                    + "\n… [truncated: \(record.content.count - cut) more characters]"
            }
            used += message.content.count
            page.append(message)
        }
        let next = start + page.count
        return ConversationPage(
            id: PublicID.chat.string(chatID), title: chat.chat.title,
            platform: Platform(rawValue: chat.platform) ?? .transcript, createdAt: chat.createdAt,
            messages: page, offset: start, nextOffset: next < total ? next : nil, total: total)
    }
}
