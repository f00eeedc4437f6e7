/// How chats are grouped for extraction, whichever store counted their messages.
enum ExtractionGrouping {
    /// Consecutive chats grouped so each group holds about `limit` messages (a chat larger than
    /// that is a group alone), and the messages in all.
    static func groups(_ chatIDs: [Int64], counts: [Int], limit: Int) -> (groups: [[Int64]], messages: Int) {
        var groups: [[Int64]] = []
        var current: [Int64] = []
        var size = 0
        for (chatID, count) in zip(chatIDs, counts) {
            if !current.isEmpty, size + count > limit {
                groups.append(current)
                current = []
                size = 0
            }
            current.append(chatID)
            size += count
        }
        if !current.isEmpty { groups.append(current) }
        return (groups, counts.reduce(0, +))
    }
}
