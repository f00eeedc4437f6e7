import RecallCore

extension StoreStats: TextRenderable {
    func renderText() -> String {
        var sections = [
            """
            Store:     \(path)\(store == "sqlite" ? "" : " (\(store), vectors as \(vectorStorage))")
            Size:      \(TextFormat.bytes(sizeBytes)) (schema version \(schemaVersion))
            Chats:     \(chats) (\(TextFormat.count(messages, "message"))\(otherMessages))
            Memories:  \(memories) current, \(supersededMemories) superseded\(memoryUsers > 1 ? ", across \(memoryUsers) users" : "")
            """
        ]
        sections.append(Self.counts("PLATFORM", chatsByPlatform, label: { Platform(rawValue: $0)?.displayName ?? $0 }))
        sections.append(Self.counts("MEMORY TYPE", memoriesByType))
        sections.append(Self.counts("BUCKET", byBucket))
        sections.append(Self.counts("TAG", byTag))
        if !imports.isEmpty {
            var table = TextTable(columns: [
                .init("IMPORT"), .init("DATE"), .init("PLATFORM"), .init("CHATS", alignment: .right),
                .init("MSGS", alignment: .right), .init("PATH", flexible: true),
            ])
            for entry in imports {
                table.append([
                    entry.id, TextFormat.date(entry.startedAt), entry.platform, String(entry.chatsAdded),
                    String(entry.messagesAdded), entry.path,
                ])
            }
            sections.append(table.render(width: Console.width))
        }
        return sections.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// What is stored besides the messages every other count shows, when there is any.
    private var otherMessages: String {
        let parts = [(hiddenMessages, "hidden"), (branchMessages, "on other branches")].filter { $0.0 > 0 }
        guard !parts.isEmpty else { return "" }
        return "; also stored: " + parts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    /// A two-column table of counts, largest first; empty when there is nothing to count.
    private static func counts(_ title: String, _ values: [String: Int], label: (String) -> String = { $0 }) -> String {
        guard !values.isEmpty else { return "" }
        var table = TextTable(columns: [.init(title), .init("COUNT", alignment: .right)])
        for (key, count) in values.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            table.append([label(key), String(count)])
        }
        return table.render(width: Console.width)
    }
}
