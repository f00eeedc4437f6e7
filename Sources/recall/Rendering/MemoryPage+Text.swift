import RecallCore

extension MemoryPage: TextRenderable {
    func renderText() -> String {
        guard !memories.isEmpty else { return "No memories." }
        var text = MemoryTable.render(memories)
        text += "\n\n\(memories.count) of \(TextFormat.count(total, "memory", "memories"))"
        if let nextCursor { text += "; more: --cursor \(nextCursor)" }
        return text
    }
}
