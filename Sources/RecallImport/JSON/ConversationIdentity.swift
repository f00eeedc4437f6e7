import Foundation

/// Reads just the id of a conversation that failed to parse, so its diagnostic can name it.
struct ConversationIdentity: Decodable {
    @Lenient private var id: String?
    @Lenient private var uuid: String?
    @Lenient private var conversationID: String?

    private enum CodingKeys: String, CodingKey {
        case id, uuid
        case conversationID = "conversation_id"
    }

    /// The element's `id`, `uuid` or `conversation_id`, if it is an object that has one.
    static func probe(_ data: Data) -> String? {
        guard let identity = try? JSONDecoder().decode(Self.self, from: data) else { return nil }
        return [identity.id, identity.uuid, identity.conversationID].compactMap { $0 }.first { !$0.isEmpty }
    }
}
