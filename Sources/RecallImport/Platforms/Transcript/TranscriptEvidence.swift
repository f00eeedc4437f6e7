import Foundation

/// Whether a text file reads as a chat transcript from its first lines on, the way the
/// exporters of browser extensions write them: the bar a text file must pass when a model asked
/// for the import, so that a note or a shell history with a stray `User:` line is not taken for
/// a chat (and made searchable).
///
/// Two things are needed. Nothing but a header may come before the first message: front matter,
/// headings, separators and `Key: value` lines with the keys exporters write (`Created:`,
/// `Session ID:`, `**Link:**`, …). And either that header names a chat (a conversation URL on a
/// chat platform, a conversation or session id, a model, a platform), or the messages alternate
/// between user and assistant from the first one on: two turns for the Markdown styles
/// exporters use (`#### You:`, `**User:**`), four for plain `Label:` lines, which notes use too.
enum TranscriptEvidence {
    /// Keys an exporter writes in the lines before the first message.
    static let headerKeys: Set<String> = [
        "title", "created", "created at", "created_at", "create_time", "created on", "date", "updated", "updated at",
        "updated_at", "update_time", "last updated", "modified", "exported", "exported at", "exported on", "link",
        "url",
        "source", "original conversation", "conversation url", "chat url", "conversation id", "conversation_id",
        "session id", "session_id", "chat id", "id", "account uuid", "model", "platform", "provider", "assistant",
        "user", "messages", "message count", "tags",
    ]

    /// Whether the lines (the beginning of a file is enough) read as a transcript.
    static func holds(in lines: [Substring]) -> Bool {
        let (frontMatter, bodyStart) = TranscriptHeader.frontMatter(lines)
        guard let chosen = TranscriptParser.dialogue(TranscriptParser.markers(in: lines, from: bodyStart)) else {
            return false
        }
        let preamble = lines[bodyStart..<chosen[0].line]
        guard preamble.allSatisfy(isHeaderLine) else { return false }
        var header = TranscriptHeader()
        header.read(frontMatter: frontMatter)
        header.read(preamble: preamble)
        if namesChat(header) { return true }
        return alternates(chosen.map(\.marker), turns: chosen[0].marker.style == .plain ? 4 : 2)
    }

    /// Whether a line before the first message is one an exporter writes there.
    static func isHeaderLine(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || TranscriptHeader.isSeparator(trimmed) { return true }
        if trimmed.hasPrefix("#") {
            let rest = trimmed.drop { $0 == "#" }
            return rest.first == " " || rest.isEmpty
        }
        var entry = Substring(trimmed)
        if entry.hasPrefix("- ") || entry.hasPrefix("* ") { entry = entry.dropFirst(2) }
        let plain = entry.replacingOccurrences(of: "**", with: "")
        guard let colon = plain.firstIndex(where: { $0 == ":" || $0 == "：" }),
            plain.distance(from: plain.startIndex, to: colon) <= 30
        else { return false }
        return headerKeys.contains(plain[..<colon].trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Whether the header says which chat this is.
    private static func namesChat(_ header: TranscriptHeader) -> Bool {
        let chatURL = header.sourceURL.flatMap(TranscriptHeader.platform(ofURL:)) != nil
        return chatURL || header.conversationID != nil || header.model != nil || header.platform != nil
    }

    /// Whether the first `turns` user and assistant messages take turns (system and tool
    /// messages between them do not count).
    private static func alternates(_ markers: [TranscriptMarker], turns: Int) -> Bool {
        let spoken = markers.filter { $0.role == .user || $0.role == .assistant }.prefix(turns)
        guard spoken.count == turns else { return false }
        return zip(spoken, spoken.dropFirst()).allSatisfy { $0.role != $1.role }
    }
}
