import RecallCore

extension ExtractResult: TextRenderable {
    func renderText() -> String {
        let counts = "\(added) new, \(merged) already known, \(superseded) superseding older ones"
        var text = "Read \(TextFormat.count(messagesScanned, "message")), found \(TextFormat.count(candidatesFound, "candidate"))"
        text += dryRun ? "; storing them would give \(counts). Nothing was stored (dry run)." : ": \(counts)."
        if let note { text += "\n" + note }
        guard !candidates.isEmpty else { return text }
        // Each candidate with what storing it does (or, on a dry run, would do).
        var table = TextTable(columns: [
            .init("OUTCOME"), .init("EXISTING"), .init("TYPE"), .init("CONF", alignment: .right), .init("SOURCE"),
            .init("CONTENT", flexible: true),
        ])
        for candidate in candidates {
            let source = candidate.source.map { [$0.chatID, $0.messageID].compactMap { $0 }.joined(separator: "/") }
            table.append([
                candidate.outcome?.rawValue ?? "-", candidate.existingMemoryID ?? "-", candidate.type.rawValue,
                TextFormat.decimal(candidate.confidence), source ?? "-", candidate.content,
            ])
        }
        return text + "\n\n" + table.render(width: Console.width)
    }
}
