import RecallCore

extension ExtractResult: TextRenderable {
    func renderText() -> String {
        let kept = candidates.filter { $0.verdict == .keep }.count
        // A stored run lists only what it kept; the dropped are counted.
        let found = dryRun ? candidates.count : candidates.count + dropped
        var scanned = "Read \(TextFormat.count(messagesScanned, "message")), found \(TextFormat.count(found, "candidate"))"
        if dropped > 0 { scanned += " (\(kept) kept, \(dropped) dropped)" }
        if !dryRun {
            var stored = "\(scanned), stored \(TextFormat.count(memories.count, "memory", "memories"))."
            // The dropped ones are listed, with why, by a dry run.
            if dropped > 0 { stored += " Use --dry-run to see why candidates were dropped." }
            return memories.isEmpty ? stored : stored + "\n\n" + MemoryTable.render(memories)
        }
        guard !candidates.isEmpty else { return scanned + " (dry run)." }
        var table = TextTable(columns: [
            .init("VERDICT"), .init("TYPE"), .init("CONF", alignment: .right), .init("SOURCE"), .init("CONTENT", flexible: true),
            .init("REASON", maxWidth: 36),
        ])
        for candidate in candidates {
            let source = candidate.source.map { [$0.chatID, $0.messageID].compactMap { $0 }.joined(separator: "/") }
            table.append([
                candidate.verdict.rawValue, candidate.type.rawValue, TextFormat.decimal(candidate.confidence), source ?? "-",
                candidate.content, candidate.reason ?? "-",
            ])
        }
        return scanned + "; nothing was stored (dry run).\n\n" + table.render(width: Console.width)
    }
}
