import Foundation

/// Reads a chat saved as Markdown or plain text by a browser exporter (ChatGPT Exporter,
/// DeepSeek and Claude exporters, Obsidian converters) or copied by hand.
///
/// Messages start at role markers (`TranscriptMarker`): `#### You:` / `#### ChatGPT:`,
/// `## Prompt:` / `## Response:`, `## User` / `## Assistant`, `### 🧑 用户` / `### 🤖 DeepSeek`,
/// `## 👤 User` / `## 🤖 Claude`, `**User:**` / `**Assistant:**`, `Human:` / `Assistant:`,
/// `You:` / `ChatGPT:`. Markers count only at the start of a line and outside fenced code blocks,
/// so code quoting "User:" never splits a message. A file uses one marker style: the style with
/// the most markers wins (a `**User:** name` line in a header does not make bold labels the
/// style). A file is a transcript only when a user marker and an assistant marker follow each
/// other at least once, so notes with a stray "User:" line are not taken for chats.
///
/// Before the first marker: YAML front matter, the `# Title`, and `Created:`-style lines
/// (`TranscriptHeader`); an exporter's footer after the last message is cut off and read.
/// Conversations are stored under `Platform.transcript`; the assistant's platform, when the
/// labels, the source URL or the footer name it, goes to `metadata["platform"]`. A transcript has
/// no ids: the conversation is keyed by its source URL, else an id the header gives, else a hash
/// of its title and first exchange (`hash:<hex>`), so re-importing a longer export of the same
/// chat updates it; messages are keyed by their position (`1`, `2`, …).
///
/// With `requiresEvidence` (an import a model asked for), a file is recognised only when it
/// reads as a transcript from its first lines on (`TranscriptEvidence`).
struct TranscriptParser: DocumentParser {
    let platform = Platform.transcript
    let formatName = "Markdown or text chat transcript"
    let input = DocumentInput.text
    /// Whether a file must read as a transcript from its first lines on, not merely hold role labels.
    let requiresEvidence: Bool

    /// Creates the parser; see `requiresEvidence`.
    init(requiresEvidence: Bool = false) {
        self.requiresEvidence = requiresEvidence
    }

    func recognizes(_ sample: DocumentSample) -> Bool {
        guard case .text(let head) = sample, !Self.isHTML(head) else { return false }
        let lines = Self.lines(of: head)
        return requiresEvidence ? TranscriptEvidence.holds(in: lines) : !Self.markers(in: lines, from: 0).isEmpty
    }

    /// Role labels alone could be notes: a model's import wants the transcript to show from its
    /// first lines (`TranscriptEvidence`).
    func requiringEvidence() -> any DocumentParser { TranscriptParser(requiresEvidence: true) }

    func nearMiss(_ sample: DocumentSample) -> String? {
        guard requiresEvidence, TranscriptParser().recognizes(sample) else { return nil }
        return
            "it has chat-like role labels but does not open like an exporter's transcript (a header that names the chat, or user and assistant turns alternating from the first lines); pass the platform `transcript` if it is one"
    }

    private static func isHTML(_ head: String) -> Bool {
        let start = head.drop(while: \.isWhitespace).prefix(64).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
    }

    func parse(document: Data, file: String) throws -> DocumentParse {
        let lines = Self.lines(of: String(decoding: document, as: UTF8.self))
        let (frontMatter, bodyStart) = TranscriptHeader.frontMatter(lines)
        let found = Self.markers(in: lines, from: bodyStart)
        guard let chosen = Self.dialogue(found) else {
            if found.isEmpty {
                throw ExportParseError(
                    "it has no chat transcript markers (expected lines such as `## User` and `## Assistant`, `**User:**` and `**Assistant:**`, or `You:` and `ChatGPT:`)"
                )
            }
            throw ExportParseError(
                "it has \(found.count) line(s) that look like role labels, but never a user turn next to an assistant turn, so it does not read as a chat"
            )
        }
        var header = TranscriptHeader()
        header.read(frontMatter: frontMatter)
        header.read(preamble: lines[bodyStart..<chosen[0].line])
        var messages: [ParsedMessage] = []
        for (number, entry) in chosen.enumerated() {
            let end = number + 1 < chosen.count ? chosen[number + 1].line : lines.count
            var body = Array(lines[(entry.line + 1)..<end])
            if !entry.marker.inlineText.isEmpty { body.insert(Substring(entry.marker.inlineText), at: 0) }
            if number == chosen.count - 1 { header.stripFooter(&body) }
            let (text, time) = TranscriptBody.clean(body)
            guard !text.isEmpty else { continue }
            let role = entry.marker.role
            messages.append(
                ParsedMessage(
                    sourceID: String(number + 1), parentSourceID: messages.last?.sourceID, role: role, text: text,
                    createdAt: time ?? entry.marker.time, hidden: role == .system || role == .tool,
                    activePosition: messages.count, contentType: "text"))
        }
        let platform = header.platform ?? chosen.lazy.compactMap(\.marker.platform).first
        var metadata: [String: String] = [:]
        metadata["platform"] = platform?.rawValue
        metadata["model"] = header.model
        metadata["source_url"] = header.sourceURL
        metadata["format"] = chosen[0].marker.style == .plain ? "text" : "markdown"
        let conversation = ParsedConversation(
            platform: .transcript, sourceID: Self.identity(header, messages), title: header.title,
            createdAt: header.createdAt ?? messages.compactMap(\.createdAt).min(),
            updatedAt: header.updatedAt ?? messages.compactMap(\.createdAt).max(), messages: messages,
            metadata: metadata)
        return DocumentParse(conversations: [conversation])
    }

    /// The text's lines, whatever its line endings.
    static func lines<S: StringProtocol>(of text: S) -> [Substring] {
        let hasReturns = text.utf8.contains(UInt8(ascii: "\r"))
        let normalized =
            hasReturns
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            : String(text)
        return normalized.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Every marker outside fenced code blocks, with its line number.
    static func markers(in lines: [Substring], from start: Int) -> [(line: Int, marker: TranscriptMarker)] {
        let fenced = CodeFence.fencedLines(lines, from: start)
        var result: [(line: Int, marker: TranscriptMarker)] = []
        for index in start..<lines.count where !fenced.contains(index) {
            if let marker = TranscriptMarker.parse(lines[index]) { result.append((index, marker)) }
        }
        return result
    }

    /// The markers of the style that makes the best dialogue, or nil when no style has a user
    /// turn next to an assistant turn.
    static func dialogue(_ found: [(line: Int, marker: TranscriptMarker)]) -> [(line: Int, marker: TranscriptMarker)]? {
        var byStyle: [TranscriptMarker.Style: [(line: Int, marker: TranscriptMarker)]] = [:]
        for entry in found { byStyle[entry.marker.style, default: []].append(entry) }
        let conversational = byStyle.values.filter { entries in
            zip(entries, entries.dropFirst()).contains { pair in
                Set([pair.0.marker.role, pair.1.marker.role]) == [.user, .assistant]
            }
        }
        // Most markers first; on a tie, the style that starts earliest (the header comes first).
        return conversational.max { a, b in
            a.count != b.count ? a.count < b.count : a[0].line > b[0].line
        }
    }

    /// The conversation's key: its URL, an id the header gives, or a hash of its first exchange.
    private static func identity(_ header: TranscriptHeader, _ messages: [ParsedMessage]) -> String {
        if let url = header.sourceURL {
            return String(url.prefix { $0 != "?" && $0 != "#" })
        }
        if let id = header.conversationID { return "id:\(id)" }
        let firstUser = messages.first { $0.role == .user }?.text ?? ""
        let firstAnswer = messages.first { $0.role == .assistant }?.text ?? ""
        return "hash:" + StableHash.hex([header.title ?? "", firstUser, firstAnswer])
    }
}
