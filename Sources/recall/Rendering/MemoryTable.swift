import RecallCore

/// The one way memories are shown as a table, whichever command returned them.
enum MemoryTable {
    /// ID, type, confidence, date, tags and content, one memory per row.
    static func render(_ memories: [Memory]) -> String {
        var table = TextTable(columns: [
            .init("ID"), .init("TYPE"), .init("CONF", alignment: .right), .init("DATE"),
            .init("TAGS", maxWidth: 24), .init("CONTENT", flexible: true),
        ])
        for memory in memories {
            let superseded = memory.supersededBy.map { " (replaced by \($0))" } ?? ""
            table.append([
                memory.id + (memory.pinned ? " *" : ""), memory.type.rawValue, TextFormat.decimal(memory.confidence),
                TextFormat.date(memory.memoriesAt ?? memory.createdAt), TextFormat.list(memory.tags),
                memory.content + superseded,
            ])
        }
        return table.render(width: Console.width)
    }
}
