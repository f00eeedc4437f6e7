import RecallCore

extension ConversationPage: TextRenderable {
    func renderText() -> String {
        var lines = ["\(title)  (\(platform.displayName), \(TextFormat.date(createdAt)), \(id))"]
        for message in messages {
            let hidden = message.hidden ? " (hidden)" : ""
            lines.append("")
            lines.append("── \(message.role.rawValue)\(hidden) · \(TextFormat.date(message.createdAt)) · \(message.id)")
            lines.append(message.content)
        }
        lines.append("")
        if messages.isEmpty {
            lines.append("No messages from \(offset) (\(TextFormat.count(total, "message")) in all).")
        } else {
            var footer = "Messages \(offset + 1)–\(offset + messages.count) of \(total)."
            if let nextOffset { footer += " More: recall show \(id) --offset \(nextOffset)" }
            lines.append(footer)
        }
        return lines.joined(separator: "\n")
    }
}
