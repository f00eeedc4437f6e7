import Foundation

/// Reads a Google AI Studio saved prompt: one JSON object per file, saved without an extension
/// in the Drive folder "Google AI Studio".
///
/// `chunkedPrompt.chunks[]` is the conversation in order, `role` `user` or `model`. Thought
/// chunks (`isThought: true`) are the model's reasoning: kept, hidden. `systemInstruction.text`
/// becomes a hidden system message first; `runSettings.model` goes to the metadata. Drive
/// documents and images a chunk refers to become attachments. The file has no ids and no
/// timestamps: the conversation is named after the file (its title in AI Studio) and its
/// messages after their chunk (`chunk-<n>`), so re-importing the same file updates in place.
/// A prompt is a single branch; AI Studio saves branches as separate files.
struct AIStudioParser: DocumentParser {
    let platform = Platform.gemini
    let formatName = "Google AI Studio prompt file"
    let input = DocumentInput.json

    func recognizes(_ sample: DocumentSample) -> Bool {
        guard case .jsonElement(let data) = sample,
            let probe = try? JSONDecoder().decode(AIStudioWire.Probe.self, from: data)
        else { return false }
        return probe.chunkedPrompt.chunks.allSatisfy { $0.role != nil }
    }

    func parse(document: Data, file: String) throws -> DocumentParse {
        let prompt: AIStudioWire.Prompt
        do {
            prompt = try JSONDecoder().decode(AIStudioWire.Prompt.self, from: document)
        } catch let error as DecodingError {
            throw ExportParseError("not a readable AI Studio prompt: \(error.summary)")
        }
        let name = Self.name(of: file)
        var diagnostics: [ImportDiagnostic] = []
        var messages: [ParsedMessage] = []
        func add(_ message: ParsedMessage) {
            var message = message
            message.parentSourceID = messages.last?.sourceID
            message.activePosition = messages.count
            messages.append(message)
        }
        if let instruction = prompt.systemInstruction?.nonBlank {
            add(
                ParsedMessage(
                    sourceID: "system-instruction", role: .system, text: instruction, hidden: true,
                    contentType: "system_instruction"))
        }
        for (index, chunk) in prompt.chunks.enumerated() {
            let role: MessageRole
            switch chunk.role?.lowercased() {
            case "user": role = .user
            case "model", "assistant": role = .assistant
            default:
                diagnostics.append(
                    ImportDiagnostic(
                        severity: .warning, file: file, conversation: name,
                        message:
                            "chunk \(index) has the role \(chunk.role.map { "\"\($0)\"" } ?? "(none)"), expected \"user\" or \"model\"; it was kept as a system message"
                    ))
                role = .system
            }
            let text = chunk.text?.nonBlank ?? chunk.parts.joined(separator: "\n\n").nonBlank ?? ""
            let attachments = chunk.attachments
            guard !text.isEmpty || !attachments.isEmpty else { continue }
            add(
                ParsedMessage(
                    sourceID: "chunk-\(index)", role: role, text: text, hidden: chunk.isThought || role == .system,
                    contentType: chunk.isThought ? "thought" : "text", attachments: attachments))
        }
        var metadata: [String: String] = [:]
        if let model = prompt.model {
            metadata["model"] = model.hasPrefix("models/") ? String(model.dropFirst("models/".count)) : model
        }
        metadata["source"] = "Google AI Studio"
        let conversation = ParsedConversation(
            platform: .gemini, sourceID: "aistudio:\(name)", title: name, messages: messages, metadata: metadata)
        return DocumentParse(conversations: [conversation], diagnostics: diagnostics)
    }

    /// The prompt's name: the file name without folders and without a `.json` extension.
    static func name(of file: String) -> String {
        let base = (file as NSString).lastPathComponent
        return base.lowercased().hasSuffix(".json") ? String(base.dropLast(5)) : base
    }
}
