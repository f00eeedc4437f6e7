import Foundation

extension DeepSeekParser {
    /// Fragment types whose content is tool output (search results, opened pages), stored as `tool`.
    private static let toolFragments: Set<String> = ["SEARCH", "TOOL_SEARCH", "TOOL_OPEN", "READ_LINK", "TOOL_FIND"]

    /// One message as stored messages: the visible one (its `REQUEST`/`RESPONSE` text and its
    /// files) where its first text fragment is, and a hidden one for every other fragment
    /// that carries text, in fragment order.
    static func expand(_ turn: Turn) -> [ParsedMessage] {
        let message = turn.message
        let fragments = message.fragments ?? legacyFragments(message)
        let role = role(message, fragments)
        let createdAt = message.insertedAt?.date
        var visibleText: [String] = []
        var attachments = message.files.map(attachment)
        var hiddenParts: [ParsedMessage] = []
        var visibleSlot: Int?  // how many hidden parts precede the visible message

        for (index, fragment) in fragments.enumerated() {
            switch fragment.type {
            case "REQUEST", "RESPONSE":
                guard let text = nonEmpty(fragment.content) else { continue }
                visibleText.append(text)
                if visibleSlot == nil { visibleSlot = hiddenParts.count }
            case "FILE":
                attachments += fileAttachments(fragment)
            default:
                guard let text = hiddenText(fragment) else { continue }
                let type = fragment.type.lowercased()
                let partRole: MessageRole =
                    toolFragments.contains(fragment.type)
                    ? .tool : (fragment.type == "THINK" ? .assistant : role)
                hiddenParts.append(
                    ParsedMessage(
                        sourceID: "\(turn.id)#\(type)-\(index)", role: partRole, text: text, createdAt: createdAt,
                        hidden: true, contentType: type))
            }
        }

        attachments = unique(attachments)
        guard !visibleText.isEmpty || !attachments.isEmpty else { return hiddenParts }
        let visible = ParsedMessage(
            sourceID: turn.id, role: role, text: visibleText.joined(separator: "\n\n"), createdAt: createdAt,
            hidden: role == .system, contentType: "text", attachments: attachments)
        var result = hiddenParts
        result.insert(visible, at: visibleSlot ?? 0)
        return result
    }

    /// The capture's explicit role; the official export implies it: a `REQUEST` is the user's.
    private static func role(_ message: DeepSeekWire.Message, _ fragments: [DeepSeekWire.Fragment]) -> MessageRole {
        switch message.role?.uppercased() {
        case "USER": return .user
        case "ASSISTANT": return .assistant
        case "SYSTEM": return .system
        default: return fragments.contains { $0.type == "REQUEST" } ? .user : .assistant
        }
    }

    /// Fragments for a message from before `fragments` existed, which kept its answer in
    /// `content` and its reasoning in `thinking_content`.
    private static func legacyFragments(_ message: DeepSeekWire.Message) -> [DeepSeekWire.Fragment] {
        var fragments: [DeepSeekWire.Fragment] = []
        if let thinking = message.thinkingContent { fragments.append(.init(type: "THINK", content: thinking)) }
        if let results = message.searchResults, results != .null {
            fragments.append(.init(type: "SEARCH", results: results))
        }
        if let content = message.content {
            let type = message.role?.uppercased() == "USER" ? "REQUEST" : "RESPONSE"
            fragments.append(.init(type: type, content: content))
        }
        return fragments
    }

    /// The text of a hidden fragment: its content, then the queries, pages and results a
    /// person would search for (title, URL, snippet), whatever the fragment type calls them.
    private static func hiddenText(_ fragment: DeepSeekWire.Fragment) -> String? {
        let pieces = [
            nonEmpty(fragment.content), queriesText(fragment.queries), nonEmpty(fragment.title),
            nonEmpty(fragment.url), resultsText(fragment.result), resultsText(fragment.results),
        ]
        return nonEmpty(pieces.compactMap { $0 }.joined(separator: "\n\n"))
    }

    private static func queriesText(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        let items = value.arrayValue ?? [value]
        let queries = items.compactMap { $0.stringValue ?? $0["query"]?.stringValue ?? $0["text"]?.stringValue }
        return nonEmpty(queries.compactMap(nonEmpty).joined(separator: "\n"))
    }

    private static func resultsText(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        if let text = value.stringValue { return nonEmpty(text) }
        if let items = value.arrayValue { return nonEmpty(items.compactMap(resultsText).joined(separator: "\n\n")) }
        let fields = ["title", "url", "snippet", "text", "content"]
            .compactMap { value[$0]?.stringValue }.compactMap(nonEmpty)
        return fields.isEmpty ? nil : fields.joined(separator: "\n")
    }

    /// A `FILE` fragment's files; text that came with the fragment belongs to its only file.
    private static func fileAttachments(_ fragment: DeepSeekWire.Fragment) -> [Attachment] {
        var files = fragment.files.map(attachment)
        if let text = nonEmpty(fragment.content) {
            if files.count == 1, files[0].extractedText == nil {
                files[0].extractedText = text
            } else if files.isEmpty {
                files = [Attachment(kind: .file, extractedText: text)]
            }
        }
        return files
    }

    private static func attachment(_ file: DeepSeekWire.File) -> Attachment {
        let imageTypes: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "heic", "bmp"]
        let isImage = imageTypes.contains(((file.name ?? "") as NSString).pathExtension.lowercased())
        return Attachment(
            kind: isImage ? .image : .file, name: nonEmpty(file.name), pointer: nonEmpty(file.id), size: file.size,
            extractedText: nonEmpty(file.content))
    }

    /// A file listed both on the message and in a `FILE` fragment is one attachment.
    private static func unique(_ attachments: [Attachment]) -> [Attachment] {
        var result: [Attachment] = []
        for attachment in attachments {
            if let pointer = attachment.pointer, let index = result.firstIndex(where: { $0.pointer == pointer }) {
                result[index].extractedText = result[index].extractedText ?? attachment.extractedText
                result[index].name = result[index].name ?? attachment.name
                result[index].size = result[index].size ?? attachment.size
            } else {
                result.append(attachment)
            }
        }
        return result
    }
}
