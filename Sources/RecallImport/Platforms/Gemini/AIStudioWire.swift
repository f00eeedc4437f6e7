/// The shape of a Google AI Studio prompt file, with its own key names.
///
/// Only `AIStudioParser`
/// uses it; `chunkedPrompt.chunks` is required, everything else is optional.
enum AIStudioWire {
    /// A whole prompt file.
    struct Prompt: Decodable {
        private var chunkedPrompt: Chunked
        @Lenient private var runSettings: RunSettings?
        @Lenient private var instruction: Instruction?

        /// The model the prompt was run with.
        var model: String? { runSettings?.model }
        /// The system instruction's text.
        var systemInstruction: String? { instruction?.text }
        /// The turns, in order.
        var chunks: [Chunk] { chunkedPrompt.chunks }

        private enum CodingKeys: String, CodingKey {
            case runSettings, chunkedPrompt
            case instruction = "systemInstruction"
        }
        private struct RunSettings: Decodable { var model: String? }
        private struct Instruction: Decodable { var text: String? }
        private struct Chunked: Decodable { var chunks: [Chunk] }
    }

    /// One turn of the prompt.
    struct Chunk: Decodable {
        var role: String?
        var text: String?
        /// Text of `parts[]`, used when `text` is absent.
        var parts: [String]
        var isThought: Bool
        var attachments: [Attachment]

        private enum CodingKeys: String, CodingKey {
            case role, text, parts, isThought, driveDocument, driveImage, inlineImage, inlineData, youtubeVideo
        }

        private struct Part: Decodable { var text: String? }
        private struct Reference: Decodable {
            var id: String?
            var mimeType: String?
            var url: String?
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            role = c.lenient(String.self, .role)
            text = c.lenient(String.self, .text)
            parts = (c.lenient([Part].self, .parts) ?? []).compactMap(\.text)
            isThought = c.lenient(Bool.self, .isThought) ?? false
            var attachments: [Attachment] = []
            let kinds: [(CodingKeys, Attachment.Kind)] = [
                (.driveDocument, .file), (.driveImage, .image), (.inlineImage, .image), (.inlineData, .file),
                (.youtubeVideo, .file),
            ]
            for (key, kind) in kinds {
                guard let reference = c.lenient(Reference.self, key) else { continue }
                // Inline data carries the bytes themselves; only the reference is kept.
                attachments.append(
                    Attachment(
                        kind: kind, name: key.stringValue, pointer: reference.id ?? reference.url,
                        mimeType: reference.mimeType))
            }
            self.attachments = attachments
        }
    }

    /// Just enough of a file to recognise one.
    struct Probe: Decodable {
        struct Chunked: Decodable { var chunks: [ProbeChunk] }
        struct ProbeChunk: Decodable { var role: String? }
        var chunkedPrompt: Chunked
    }
}
