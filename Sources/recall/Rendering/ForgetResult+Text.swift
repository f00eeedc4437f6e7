import RecallCore

extension ForgetResult: TextRenderable {
    func renderText() -> String {
        let what =
            "\(TextFormat.count(memoriesDeleted, "memory", "memories")), "
            + "\(TextFormat.count(chatsDeleted, "chat")) (\(TextFormat.count(messagesDeleted, "message"))"
            + (otherMessagesDeleted > 0 ? ", plus \(otherMessagesDeleted) hidden or on other branches)" : ")")
        var lines = [dryRun ? "Would delete \(what); nothing was deleted (dry run)." : "Deleted \(what)."]
        if !chatIDs.isEmpty { lines.append("Chats: " + chatIDs.joined(separator: ", ")) }
        if !memoryIDs.isEmpty { lines.append("Memories: " + memoryIDs.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }
}
