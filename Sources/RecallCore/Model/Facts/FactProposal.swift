import Foundation

/// A fact another model proposes for some messages (through MCP sampling, for example), before
/// the rules check it: the message it cites, the sentence, and optionally its type and confidence.
public struct FactProposal: Sendable, Codable, Equatable {
    /// The id of the message that states the fact (`msg_12`, or `text` for free text).
    public var messageID: String
    /// The fact as a third-person sentence about the user.
    public var content: String
    /// One of the memory types; anything else is read as `fact`.
    public var type: String?
    /// How explicit the statement was, 0–1.
    public var confidence: Double?

    /// Creates a proposal.
    public init(messageID: String, content: String, type: String? = nil, confidence: Double? = nil) {
        self.messageID = messageID
        self.content = content
        self.type = type
        self.confidence = confidence
    }

    /// The proposals in a model's reply: `{"facts": [...]}` or a bare array, also inside a code fence or surrounded by
    /// prose.
    ///
    /// Items that are not objects with a message id and content are skipped; `problem` says why nothing could be read
    /// at all.
    public static func parse(_ reply: String) -> (proposals: [FactProposal], problem: String?) {
        guard let start = reply.firstIndex(where: { $0 == "{" || $0 == "[" }),
            let end = reply.lastIndex(where: { $0 == "}" || $0 == "]" }), start < end
        else { return ([], "the reply holds no JSON") }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(reply[start...end].utf8)) else {
            return ([], "the reply's JSON could not be read")
        }
        guard let items = value["facts"]?.arrayValue ?? value.arrayValue else {
            return ([], "the reply's JSON has no `facts` list")
        }
        let proposals = items.compactMap { item -> FactProposal? in
            guard let content = item["content"]?.stringValue else { return nil }
            let id: String? =
                switch item["message_id"] {
                case .string(let text)?: text
                case .int(let number)?: String(number)
                default: nil
                }
            let confidence: Double? =
                switch item["confidence"] {
                case .double(let number)?: number
                case .int(let number)?: Double(number)
                case .string(let text)?: Double(text)
                default: nil
                }
            return FactProposal(
                messageID: id ?? "", content: content, type: item["type"]?.stringValue, confidence: confidence)
        }
        return (proposals, nil)
    }

    enum CodingKeys: String, CodingKey {
        case content, type, confidence
        case messageID = "message_id"
    }
}
