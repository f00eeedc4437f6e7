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
        @Lenient var role: String?
        @Lenient var text: String?
        @Lenient private var partList: [Part]
        @Lenient private var thought: Bool?
        @Lenient private var driveDocument: Reference?
        @Lenient private var driveImage: Reference?
        @Lenient private var inlineImage: Reference?
        @Lenient private var inlineData: Reference?
        @Lenient private var youtubeVideo: Reference?

        /// Text of `parts[]`, used when `text` is absent.
        var parts: [String] { partList.compactMap(\.text) }
        /// Whether the turn is the model's reasoning.
        var isThought: Bool { thought ?? false }

        /// The files and images the turn refers to, in a fixed order of kinds; built on each
        /// access, so read it once.
        var attachments: [Attachment] {
            let references: [(Reference?, CodingKeys, Attachment.Kind)] = [
                (driveDocument, .driveDocument, .file), (driveImage, .driveImage, .image),
                (inlineImage, .inlineImage, .image), (inlineData, .inlineData, .file),
                (youtubeVideo, .youtubeVideo, .file),
            ]
            // Inline data carries the bytes themselves; only the reference is kept.
            return references.compactMap { reference, key, kind in
                reference.map {
                    Attachment(kind: kind, name: key.stringValue, pointer: $0.id ?? $0.url, mimeType: $0.mimeType)
                }
            }
        }

        private enum CodingKeys: String, CodingKey {
            case role, text, driveDocument, driveImage, inlineImage, inlineData, youtubeVideo
            case partList = "parts"
            case thought = "isThought"
        }

        private struct Part: Decodable { var text: String? }
        private struct Reference: Decodable {
            var id: String?
            var mimeType: String?
            var url: String?
        }
    }

    /// Just enough of a file to recognise one.
    struct Probe: Decodable {
        struct Chunked: Decodable { var chunks: [ProbeChunk] }
        struct ProbeChunk: Decodable { var role: String? }
        var chunkedPrompt: Chunked
    }
}
