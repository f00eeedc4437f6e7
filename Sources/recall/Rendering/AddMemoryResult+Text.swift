import RecallCore

extension AddMemoryResult: TextRenderable {
    func renderText() -> String {
        let counts = "added \(added), merged \(merged), superseded \(superseded)"
        guard !memories.isEmpty else { return "Nothing to remember (\(counts))." }
        return "Saved \(TextFormat.count(memories.count, "memory", "memories")) (\(counts)).\n\n"
            + MemoryTable.render(memories)
    }
}
