/// The assistant a conversation was exported from.
public enum Platform: String, Sendable, Codable, CaseIterable, Hashable {
    case chatgpt, claude, deepseek, gemini, grok, kimi
    /// Plain-text or Markdown transcripts from browser exporters.
    case transcript

    /// Human-readable name, used in tables and citations.
    public var displayName: String {
        switch self {
        case .chatgpt: "ChatGPT"
        case .claude: "Claude"
        case .deepseek: "DeepSeek"
        case .gemini: "Gemini"
        case .grok: "Grok"
        case .kimi: "Kimi"
        case .transcript: "Transcript"
        }
    }
}
