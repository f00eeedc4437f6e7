import RecallCore

extension ExtractResult: TextRenderable {
    func renderText() -> String {
        let scanned =
            "Read \(TextFormat.count(messagesScanned, "message")), found \(TextFormat.count(candidates.count, "candidate"))"
        if !dryRun {
            let stored = "\(scanned), stored \(TextFormat.count(memories.count, "memory", "memories"))."
            return memories.isEmpty ? stored : stored + "\n\n" + MemoryTable.render(memories)
        }
        guard !candidates.isEmpty else { return scanned + " (dry run)." }
        var table = TextTable(columns: [
            .init("TYPE"), .init("CONF", alignment: .right), .init("SOURCE"), .init("CONTENT", flexible: true),
        ])
        for candidate in candidates {
            let source = candidate.source.map { [$0.chatID, $0.messageID].compactMap { $0 }.joined(separator: "/") }
            table.append([
                candidate.type.rawValue, TextFormat.decimal(candidate.confidence), source ?? "-", candidate.content,
            ])
        }
        return scanned + "; nothing was stored (dry run).\n\n" + table.render(width: Console.width)
    }
}
