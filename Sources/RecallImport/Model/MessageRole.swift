/// Who spoke a message, normalised across platforms.
public enum MessageRole: String, Sendable, Codable, CaseIterable, Hashable {
    case user, assistant, system, tool
}
