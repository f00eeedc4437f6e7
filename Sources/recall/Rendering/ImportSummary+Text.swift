import RecallCore

extension ImportSummary: TextRenderable {
    func renderText() -> String {
        var lines = [
            "\(importID.map { "Import \($0)" } ?? "Nothing new; no import recorded") (\(Platform(rawValue: platform)?.displayName ?? platform), \(TextFormat.count(files.count, "file"))):",
            "  chats:     \(chatsAdded) added, \(chatsUpdated) updated, \(chatsUnchanged) unchanged, \(skipped) skipped",
            "  messages:  \(messagesAdded) added, \(messagesUpdated) updated",
        ]
        if memoriesExtracted > 0 { lines.append("  memories:  \(memoriesExtracted) extracted") }
        if let stoppedEarly { lines.append("  stopped:   \(stoppedEarly)") }
        if !diagnostics.isEmpty {
            lines.append("")
            lines.append("\(TextFormat.count(diagnostics.count, "problem")):")
            for diagnostic in diagnostics {
                var place = diagnostic.file
                if let conversation = diagnostic.conversation { place += ", conversation \(conversation)" }
                if let offset = diagnostic.offset { place += ", byte \(offset)" }
                lines.append("  \(diagnostic.severity.rawValue): \(place): \(diagnostic.message)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
