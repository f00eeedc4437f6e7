import RecallCore

extension ExtractResult: TextRenderable {
    func renderText() -> String {
        let counts = "\(added) new, \(merged) already known, \(superseded) superseding older ones"
        var text =
            "Read \(TextFormat.count(messagesScanned, "message")), found \(TextFormat.count(candidatesFound, "candidate"))"
        if dropped > 0 { text += " (\(candidatesFound - dropped) kept, \(dropped) dropped)" }
        if dryRun {
            text +=
                "; storing \(dropped > 0 ? "the kept ones" : "them") would give \(counts). Nothing was stored (dry run)."
        } else {
            text += ": \(counts)."
            // The dropped ones are listed, with why, by a dry run.
            if dropped > 0 { text += " Use --dry-run to see why candidates were dropped." }
        }
        if let note { text += "\n" + note }
        guard !candidates.isEmpty else { return text }
        // Each candidate with what storing it does (or, on a dry run, would do); a dry run also
        // lists the dropped ones, with why.
        // The outcome names the memory it concerns ("supersedes mem_4"): one column, so the
        // content keeps its room beside a dry run's verdict and reason.
        var columns: [TextTable.Column] = [
            .init("OUTCOME"), .init("TYPE"), .init("CONF", alignment: .right), .init("SOURCE"),
            .init("CONTENT", flexible: true),
        ]
        if dryRun { columns = [.init("VERDICT")] + columns + [.init("REASON", maxWidth: 36)] }
        var table = TextTable(columns: columns)
        for candidate in candidates {
            let source = candidate.source.map { [$0.chatID, $0.messageID].compactMap { $0 }.joined(separator: "/") }
            let outcome = [candidate.outcome?.rawValue, candidate.existingMemoryID].compactMap { $0 }.joined(
                separator: " ")
            var row = [
                outcome.isEmpty ? "-" : outcome, candidate.type.rawValue, TextFormat.decimal(candidate.confidence),
                source ?? "-",
                candidate.content,
            ]
            if dryRun { row = [candidate.verdict.rawValue] + row + [candidate.reason ?? "-"] }
            table.append(row)
        }
        return text + "\n\n" + table.render(width: Console.width)
    }
}
