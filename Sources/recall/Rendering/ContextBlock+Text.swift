import RecallCore

extension ContextBlock: TextRenderable {
    func renderText() -> String {
        guard !context.isEmpty else { return "Nothing relevant found." }
        var lines = [
            context, "", "(\(TextFormat.count(tokens, "token")), \(TextFormat.count(citations.count, "citation")))",
        ]
        for citation in citations {
            var parts = ["[\(citation.ref)]", citation.kind.rawValue]
            if let memoryID = citation.memoryID { parts.append(memoryID) }
            if let chatID = citation.chatID { parts.append(chatID) }
            if let title = citation.chatTitle { parts.append("\"\(title)\"") }
            if citation.date != nil { parts.append(TextFormat.date(citation.date)) }
            if !citation.messageIDs.isEmpty { parts.append("(\(citation.messageIDs.joined(separator: ", ")))") }
            lines.append(parts.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}
