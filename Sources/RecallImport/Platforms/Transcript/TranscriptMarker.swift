import Foundation

/// A line of a chat transcript that starts a message: `#### You:`, `## 👤 User`, `### 🤖 DeepSeek`,
/// `## User (2025-02-25 01:10:23)`, `**Assistant:** text`, `Human: text`, `ChatGPT:`.
///
/// A marker is a role label, in one of three styles — a Markdown heading (any level), a bold
/// label, or a plain `Label:` at the start of the line — optionally wrapped in emoji, with a
/// trailing colon, and in headings a timestamp in parentheses or an Obsidian `[created:: …]`
/// field. Only labels from the role vocabulary count, so the headings inside an answer
/// ("## Summary") stay content; the generic ones an answer could use as a heading ("Answer",
/// "Response") count as headings only with their colon (`## Response:`), as exporters write them.
struct TranscriptMarker: Equatable {
    /// How the label is written; a transcript uses one style for all its markers.
    enum Style: Hashable {
        case heading
        case bold
        case plain
    }

    /// Who speaks in the message that starts here.
    var role: MessageRole
    /// The label as written, without emoji and colon ("ChatGPT", "用户").
    var label: String
    /// How the label is written.
    var style: Style
    /// Text that follows the label on the same line (`Human: hello`).
    var inlineText: String
    /// The time written beside the label, if any.
    var time: Date?

    /// Labels of the person writing.
    static let userLabels: Set<String> = [
        "you", "user", "me", "human", "prompt", "question", "you said", "用户", "使用者", "我", "ユーザー", "사용자",
        "usuario", "utilisateur", "benutzer", "utente",
    ]
    /// Labels of the assistant, with the platform a label names.
    static let assistantLabels: [String: Platform?] = [
        "assistant": nil, "ai": nil, "bot": nil, "model": nil, "response": nil, "answer": nil, "助手": nil,
        "アシスタント": nil, "어시스턴트": nil, "asistente": nil, "assistent": nil, "assistente": nil,
        "chatgpt": .chatgpt, "chatgpt said": .chatgpt, "gpt": .chatgpt, "gpt-4": .chatgpt, "gpt-4o": .chatgpt,
        "openai": .chatgpt, "claude": .claude, "gemini": .gemini, "bard": .gemini, "deepseek": .deepseek,
        "grok": .grok, "kimi": .kimi, "copilot": nil, "perplexity": nil, "mistral": nil, "le chat": nil, "qwen": nil,
    ]
    /// Labels that are markers in a heading only with a colon.
    static let genericLabels: Set<String> = ["response", "answer", "prompt", "question", "model", "ai", "bot"]
    /// Labels of hidden material: system prompts and tool traffic.
    static let hiddenLabels: [String: MessageRole] = [
        "system": .system, "tool": .tool, "tool output": .tool, "plugin": .tool, "function": .tool,
    ]

    /// The marker a line holds, if it holds one.
    ///
    /// Lines inside code blocks must not be passed.
    static func parse(_ line: Substring) -> TranscriptMarker? {
        if line.hasPrefix("#") {
            let level = line.prefix { $0 == "#" }.count
            let rest = line.dropFirst(level)
            guard level <= 6, rest.first == " " || rest.first == "\t" else { return nil }
            return labelled(String(rest), style: .heading)
        }
        if line.hasPrefix("**") {
            // `**User:** text` or `**User**: text`.
            let body = line.dropFirst(2)
            guard let close = body.range(of: "**") else { return nil }
            var label = body[..<close.lowerBound]
            var after = body[close.upperBound...]
            if label.hasSuffix(":") {
                label = label.dropLast()
            } else if after.hasPrefix(":") {
                after = after.dropFirst()
            } else {
                return nil
            }
            guard var marker = labelled(String(label), style: .bold) else { return nil }
            marker.inlineText = after.trimmingCharacters(in: .whitespaces)
            return marker
        }
        guard line.first.map({ !$0.isWhitespace }) ?? false,
            let colon = line.prefix(25).firstIndex(where: { $0 == ":" || $0 == "：" })
        else { return nil }
        guard var marker = labelled(String(line[..<colon]), style: .plain) else { return nil }
        marker.inlineText = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return marker
    }

    /// Characters that make a label Markdown or prose rather than a role (`` `#### You:` `` quoted in a sentence).
    private static let notInLabels = Set("`#*[]<>|/\\\"=_{}")

    /// Reads `text` as a role label with its decorations; nil when it is not one.
    private static func labelled(_ text: String, style: Style) -> TranscriptMarker? {
        var label = Substring(text.trimmingCharacters(in: .whitespaces))
        var time: Date?
        var colon = style != .heading
        if style == .heading {
            if let field = label.range(of: "[created::") {
                time = dateText(label[field.upperBound...].prefix { $0 != "]" })
                label = label[..<field.lowerBound]
            }
            label = Substring(label.trimmingCharacters(in: .whitespaces))
            if label.hasSuffix(":") {
                label = label.dropLast()
                colon = true
            }
            if label.hasSuffix(")"), let open = label.lastIndex(of: "(") {
                // A timestamp (`User (2025-02-25 01:10:23)`) or a name (`Plugin (weather)`).
                time = time ?? dateText(label[label.index(after: open)..<label.index(before: label.endIndex)])
                label = label[..<open]
            }
        }
        label = Substring(label.trimmingCharacters(in: .whitespaces))
        if label.hasSuffix(":") || label.hasSuffix("：") {
            label = label.dropLast()
            colon = true
        }
        guard !label.contains(where: notInLabels.contains) else { return nil }
        // Emoji and symbols around the label: `👤 User`, `🤖 Claude`, `🧑` alone.
        let decorations = label.filter { !$0.isLetter && !$0.isNumber && !$0.isWhitespace && !"-.".contains($0) }
        let words = label.drop { !$0.isLetter && !$0.isNumber }.reversed().drop { !$0.isLetter && !$0.isNumber }
            .reversed()
        let name = String(words).trimmingCharacters(in: .whitespaces)
        let key = name.lowercased()
        if genericLabels.contains(key), !colon { return nil }
        let role: MessageRole
        if key.isEmpty {
            if decorations.contains(where: { "🧑👤🙋👨👩🧔".contains($0) }) {
                role = .user
            } else if decorations.contains(where: { "🤖✨".contains($0) }) {
                role = .assistant
            } else {
                return nil
            }
        } else if userLabels.contains(key) {
            role = .user
        } else if assistantLabels.keys.contains(key) {
            role = .assistant
        } else if let hidden = hiddenLabels[key] {
            role = hidden
        } else {
            return nil
        }
        return TranscriptMarker(role: role, label: name, style: style, inlineText: "", time: time)
    }

    /// The platform an assistant label names, if it names one.
    var platform: Platform? {
        guard role == .assistant else { return nil }
        return Self.assistantLabels[label.lowercased()] ?? nil
    }

    /// A timestamp written by an exporter: ISO-8601 (`2025-02-25 01:10:23` is read as UTC, the
    /// exporters write local time without saying which) or a localised date.
    static func dateText<S: StringProtocol>(_ text: S) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return ISO8601Timestamp.date(from: trimmed) ?? LocalizedTimestamp.reading(from: trimmed)?.date
    }
}
