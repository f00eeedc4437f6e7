import Foundation

extension ChatGPTParser {
    /// Content types a ChatGPT user sees in the transcript; every other type is hidden.
    private static let visibleContentTypes: Set<String> = ["text", "multimodal_text"]

    /// One node's message as Recall stores it, or nil when it has nothing to keep.
    ///
    /// Visible means what ChatGPT's own viewer shows: user and assistant text addressed to
    /// everyone (`recipient == "all"`). Tool calls, tool output, reasoning, custom
    /// instructions and system prompts are kept but hidden. Unknown content types keep any
    /// text they carry, hidden.
    static func message(id: String, _ message: ChatGPTWire.Message) -> ParsedMessage? {
        let content = message.content
        let contentType = content?.contentType ?? "unknown"
        var role = role(message.author?.role)
        var (text, attachments) = content.map(body) ?? ("", [])
        if contentType == "user_editable_context" { role = .system }
        if role == .system, text.isEmpty, let context = message.metadata?.userContext {
            // 2023-era custom instructions sit on an otherwise empty system message.
            text = joined([context.aboutUserMessage, context.aboutModelMessage])
        }
        attachments += (message.metadata?.attachments ?? []).map(fileAttachment)
        guard !text.allSatisfy(\.isWhitespace) || !attachments.isEmpty else { return nil }

        let hidden =
            role == .system || role == .tool
            || (message.recipient.map { $0 != "all" } ?? false)
            || message.metadata?.isVisuallyHidden == true
            || !visibleContentTypes.contains(contentType)
            || message.author?.name == "file_search"
        return ParsedMessage(
            sourceID: id, role: role, text: text,
            createdAt: message.createTime.map(Date.init(timeIntervalSince1970:)),
            hidden: hidden, contentType: contentType, attachments: attachments)
    }

    private static func role(_ raw: String?) -> MessageRole {
        switch raw {
        case "user": .user
        case "assistant": .assistant
        case "system": .system
        default: .tool  // `tool`, and roles this version does not know: kept, hidden
        }
    }

    /// The text and attachments of a `content` object, by content type.
    private static func body(_ content: ChatGPTWire.Content) -> (String, [Attachment]) {
        switch content.contentType {
        case "text":
            return (partsText(content.parts), [])
        case "multimodal_text":
            return multimodal(content.parts ?? [])
        case "code", "execution_output", "system_error":
            return (content.text ?? "", [])
        case "thoughts":
            let steps = (content.thoughts ?? []).map { joined([$0.summary, $0.content], separator: "\n") }
            return (joined(steps), [])
        case "reasoning_recap":
            return (content.content ?? "", [])
        case "user_editable_context":
            return (joined([content.userProfile, content.userInstructions]), [])
        case "model_editable_context":
            return (content.modelSetContext ?? "", [])
        case "tether_browsing_display":
            return (content.result ?? content.summary ?? "", [])
        case "tether_quote", "sonic_webpage":
            return (joined([content.title, content.url, content.text ?? content.snippet]), [])
        default:
            // Unknown or rare types: keep whatever text there is.
            let candidates = [partsText(content.parts), content.text, content.result, content.content, content.summary]
            return (candidates.compactMap { $0 }.first { !$0.isEmpty } ?? "", [])
        }
    }

    private static func partsText(_ parts: [ChatGPTWire.Part]?) -> String {
        joined(
            (parts ?? []).map { part -> String? in
                if case .text(let text) = part { return text }
                return nil
            }, separator: "\n")
    }

    /// Strings and transcriptions become text; image and audio pointers become attachments.
    private static func multimodal(_ parts: [ChatGPTWire.Part]) -> (String, [Attachment]) {
        var texts: [String?] = []
        var attachments: [Attachment] = []
        for part in parts {
            switch part {
            case .text(let text):
                texts.append(text)
            case .asset(let asset):
                switch asset.contentType {
                case "image_asset_pointer":
                    attachments.append(
                        Attachment(
                            kind: .image, pointer: asset.assetPointer,
                            size: asset.sizeBytes.flatMap(Int.init(exactly:)),
                            description: asset.dallePrompt))
                case "audio_asset_pointer", "real_time_user_audio_video_asset_pointer":
                    attachments.append(
                        Attachment(
                            kind: .audio, pointer: asset.assetPointer, size: asset.sizeBytes.flatMap(Int.init(exactly:))
                        ))
                default:
                    texts.append(asset.text)  // `audio_transcription` and friends
                }
            case .other:
                continue
            }
        }
        return (joined(texts, separator: "\n"), attachments)
    }

    private static func fileAttachment(_ file: ChatGPTWire.FileAttachment) -> Attachment {
        let isImage = file.mimeType?.hasPrefix("image/") ?? false
        return Attachment(
            kind: isImage ? .image : .file, name: file.name, pointer: file.id,
            size: file.size.flatMap(Int.init(exactly:)), mimeType: file.mimeType)
    }

    /// The non-empty pieces, joined.
    static func joined(_ pieces: [String?], separator: String = "\n\n") -> String {
        pieces.compactMap { $0 }.filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: separator)
    }
}
