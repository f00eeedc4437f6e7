import Foundation

extension ClaudeParser {
    /// One Claude message as stored messages: the visible one (text and attachments) where
    /// its first text block is, and a hidden one for each block of reasoning or tool traffic.
    static func expand(_ message: ClaudeWire.Message) -> [ParsedMessage] {
        let role: MessageRole =
            switch message.sender {
            case "human", "user": .user
            case "assistant": .assistant
            default: .system
            }
        let createdAt = message.createdAt.flatMap(ISO8601Timestamp.date(from:))
        var visibleText: [String] = []
        var hiddenParts: [ParsedMessage] = []
        var visibleSlot: Int?  // how many hidden parts precede the visible message

        func addVisible(_ text: String?) {
            guard let text = nonEmpty(text) else { return }
            visibleText.append(text)
            if visibleSlot == nil { visibleSlot = hiddenParts.count }
        }

        if let blocks = message.content {
            for (index, block) in blocks.enumerated() {
                switch block.type {
                case "text": addVisible(block.text)
                case "voice_note": addVisible(block.transcript ?? block.text)
                default:
                    guard let (partRole, text) = hiddenBody(block, role: role) else { continue }
                    hiddenParts.append(
                        ParsedMessage(
                            sourceID: "\(message.uuid)#\(block.type)-\(index)", role: partRole, text: text,
                            createdAt: block.startTimestamp.flatMap(ISO8601Timestamp.date(from:)) ?? createdAt,
                            hidden: true, contentType: block.type))
                }
            }
        } else {
            addVisible(message.text)
        }

        let attachments = attachments(of: message)
        guard !visibleText.isEmpty || !attachments.isEmpty else { return hiddenParts }
        let visible = ParsedMessage(
            sourceID: message.uuid, role: role, text: visibleText.joined(separator: "\n\n"), createdAt: createdAt,
            hidden: role == .system, contentType: "text", attachments: attachments)
        var result = hiddenParts
        result.insert(visible, at: visibleSlot ?? 0)
        return result
    }

    /// The role and text of a hidden block, or nil when it carries no text.
    private static func hiddenBody(_ block: ClaudeWire.Block, role: MessageRole) -> (MessageRole, String)? {
        let text: String?
        var partRole = role
        switch block.type {
        case "thinking":
            text = nonEmpty(block.thinking) ?? nonEmpty(block.summaries.joined(separator: "\n"))
        case "tool_use":
            text = toolUseText(block)
        case "tool_result":
            partRole = .tool
            text = toolResultText(block)
        default:
            text = nonEmpty(block.text) ?? nonEmpty(block.transcript) ?? block.content.flatMap(contentText)
        }
        return text.map { (partRole, $0) }
    }

    /// The tool's name, then the parts of its input a person would search for (an artifact's
    /// title and source, a search query, a URL, code); other inputs as compact JSON.
    private static func toolUseText(_ block: ClaudeWire.Block) -> String? {
        let name = nonEmpty(block.name) ?? "tool"
        guard let input = block.input else { return name }
        let keys = ["title", "query", "url", "code", "content", "old_str", "new_str"]
        let fields = keys.compactMap { input[$0]?.stringValue }.compactMap(nonEmpty)
        if !fields.isEmpty { return ([name] + fields).joined(separator: "\n\n") }
        if input.objectValue?.isEmpty ?? false { return name }
        return name + "\n\n" + compactJSON(input)
    }

    /// The text of a tool result: its text items, and search results as title, URL and text.
    private static func toolResultText(_ block: ClaudeWire.Block) -> String? {
        block.content.flatMap(contentText) ?? nonEmpty(block.text)
    }

    private static func contentText(_ value: JSONValue) -> String? {
        if let text = value.stringValue { return nonEmpty(text) }
        let items = value.arrayValue ?? []
        let texts = items.map { item -> String? in
            if let text = item.stringValue { return text }
            let pieces = ["title", "url", "text"].compactMap { item[$0]?.stringValue }.compactMap(nonEmpty)
            return pieces.isEmpty ? nil : pieces.joined(separator: "\n")
        }
        return nonEmpty(texts.compactMap { $0 }.joined(separator: "\n\n"))
    }

    /// `attachments[]` (with extracted text, which the store indexes) and `files[]` (names only).
    ///
    /// A file listed in both is one attachment.
    private static func attachments(of message: ClaudeWire.Message) -> [Attachment] {
        var result = message.attachments.map { file in
            Attachment(
                kind: .file, name: file.fileName, size: file.fileSize.flatMap(Int.init(exactly:)),
                mimeType: nonEmpty(file.fileType), extractedText: file.extractedContent)
        }
        for file in message.files {
            if let index = result.firstIndex(where: { $0.name != nil && $0.name == file.fileName && $0.pointer == nil })
            {
                result[index].pointer = file.fileUUID
                continue
            }
            let isImage = ["png", "jpg", "jpeg", "gif", "webp", "heic", "bmp"]
                .contains((file.fileName as NSString?)?.pathExtension.lowercased() ?? "")
            result.append(Attachment(kind: isImage ? .image : .file, name: file.fileName, pointer: file.fileUUID))
        }
        return result
    }

    private static func compactJSON(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
