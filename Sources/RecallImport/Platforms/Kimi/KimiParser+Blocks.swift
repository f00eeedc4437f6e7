import Foundation

extension KimiParser {
    /// One Kimi message as stored messages: the visible one (its text blocks, files and
    /// referenced images) where its first text block is, and a hidden one for each block of
    /// reasoning, search, tool use, artifact, error or unknown kind that carries text.
    static func expand(_ message: KimiWire.Message, id: String) -> [ParsedMessage] {
        let role = role(message.role)
        let createdAt = message.createTime?.date
        var visibleText: [String] = []
        var attachments: [Attachment] = []
        var hiddenParts: [ParsedMessage] = []
        var visibleSlot: Int?  // how many hidden parts precede the visible message

        func hide(_ kind: String, _ index: Int, _ partRole: MessageRole, _ pieces: [String?]) {
            let cleaned = pieces.compactMap { $0.map(clean) }.compactMap(nonEmpty)
            guard let text = nonEmpty(cleaned.joined(separator: "\n\n")) else { return }
            hiddenParts.append(
                ParsedMessage(
                    sourceID: "\(id)#\(kind)-\(index)", role: partRole, text: text, createdAt: createdAt, hidden: true,
                    contentType: kind))
        }

        for (index, entry) in (message.blocks ?? []).enumerated() {
            guard let block = entry.value else { continue }
            if let think = block.think { hide("think", index, .assistant, [think.content ?? think.summary]) }
            if let search = block.search { hide("search", index, .tool, [searchText(search)]) }
            if let tool = block.tool {
                hide("tool", index, .tool, [tool.name, tool.args] + (tool.contents ?? []).map(itemText))
            }
            if let text = nonEmpty(block.text?.content.map(clean)) {
                visibleText.append(text)
                if visibleSlot == nil { visibleSlot = hiddenParts.count }
            }
            if let file = block.file, let attachment = attachment(file) { attachments.append(attachment) }
            if let artifact = block.artifact {
                hide("artifact", index, role, [artifact.title ?? artifact.path, artifact.content])
            }
            if let error = block.error {
                hide("error", index, .system, [error.localizedMessage?.message ?? error.reason])
            }
            for (kind, payload) in block.others { hide(kind, index, role, [itemText(payload)]) }
        }
        attachments += refAttachments(message.refs)

        guard !visibleText.isEmpty || !attachments.isEmpty else { return hiddenParts }
        let visible = ParsedMessage(
            sourceID: id, role: role, text: visibleText.joined(separator: "\n\n"), createdAt: createdAt,
            hidden: role == .system, contentType: "text", attachments: attachments)
        var result = hiddenParts
        result.insert(visible, at: visibleSlot ?? 0)
        return result
    }

    /// `user`, `ROLE_USER` or `2`, and likewise for assistant (3); system (1) and roles this
    /// version does not know are kept as hidden system messages.
    private static func role(_ symbol: KimiWire.Symbol?) -> MessageRole {
        switch symbol?.name.lowercased() {
        case "user", "role_user", "2": .user
        case "assistant", "role_assistant", "3": .assistant
        default: .system
        }
    }

    /// The search's keywords, then each page as title, URL and snippet.
    private static func searchText(_ search: KimiWire.Block.Search) -> String {
        let keywords = (search.keywords ?? []).joined(separator: "\n")
        let pages = (search.webPages ?? []).map { page in
            [page.title, page.url, page.snippet].compactMap(nonEmpty).joined(separator: "\n")
        }
        return ([keywords] + pages).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// The text of a tool output item or of an unknown block: its own text, or the title and
    /// URL of the search result it holds.
    private static func itemText(_ value: JSONValue) -> String? {
        if let text = value.stringValue { return text }
        for key in ["text", "content", "message", "summary"] {
            if let text = nonEmpty(value[key]?.stringValue) { return text }
        }
        let base = value["searchResult"]?["base"] ?? value["base"]
        let fields = ["title", "url", "snippet"].compactMap { base?[$0]?.stringValue }.compactMap(nonEmpty)
        return fields.isEmpty ? nil : fields.joined(separator: "\n")
    }

    private static func attachment(_ file: KimiWire.File) -> Attachment? {
        let name = file.meta?.name.map(clean).flatMap(nonEmpty)
        let pointer = nonEmpty(file.blob?.signUrl) ?? nonEmpty(file.blob?.previewUrl) ?? nonEmpty(file.id)
        guard name != nil || pointer != nil else { return nil }
        let mimeType = nonEmpty(file.meta?.contentType)
        return Attachment(
            kind: mimeType?.hasPrefix("image/") == true ? .image : .file, name: name, pointer: pointer,
            size: file.meta?.sizeBytes?.value, mimeType: mimeType)
    }

    /// Images a message showed (`refs.images`) and files its sandbox produced (`refs.sandboxFiles`).
    private static func refAttachments(_ refs: KimiWire.Refs?) -> [Attachment] {
        let images = (refs?.images ?? []).compactMap { image -> Attachment? in
            guard let pointer = nonEmpty(image.fullSizeUrl) ?? nonEmpty(image.url) ?? nonEmpty(image.id) else {
                return nil
            }
            return Attachment(kind: .image, pointer: pointer, description: image.caption.map(clean).flatMap(nonEmpty))
        }
        let files = (refs?.sandboxFiles ?? []).compactMap { file -> Attachment? in
            let pointer = nonEmpty(file.downloadUrl) ?? nonEmpty(file.uri)
            let name = file.fileName.map(clean).flatMap(nonEmpty)
            guard pointer != nil || name != nil else { return nil }
            return Attachment(kind: .file, name: name, pointer: pointer, size: file.sizeBytes?.value)
        }
        return images + files
    }
}
