import Foundation

/// Reads one conversation of a Claude `conversations.json` (claude.ai → Settings → Privacy →
/// Export data).
///
/// Text comes from the `content[]` blocks, not the flat `text` field, which mixes reasoning
/// into the answer and holds placeholders for artifacts; `text` is used only when a message
/// has no `content`. A message becomes one visible `ParsedMessage` (its text blocks and
/// attachments, id = the message uuid) plus one hidden message per `thinking`, `tool_use`,
/// `tool_result` or unknown block, with ids `<uuid>#<type>-<block index>`. On the active
/// branch all of them get positions in block order (the visible message where its first text
/// block is), so a reader asking for hidden material sees it where it happened.
///
/// Branches: with `parent_message_uuid`, the active branch follows, from the root, the child
/// listed last under each parent (the export has no pointer to the last-viewed leaf). Without
/// it, messages form one chain in list order. Messages with nothing to keep (no text, no
/// attachments, no hidden blocks) are not stored; replies link to the nearest stored one.
struct ClaudeParser: ExportParser {
    let platform = Platform.claude

    /// The parent Claude writes for a conversation's first message.
    private static let rootSentinel = "00000000-0000-4000-8000-000000000000"

    private struct Probe: Decodable {
        struct Message: Decodable { var sender: String? }
        var uuid: String
        var chatMessages: [Message?]

        private enum CodingKeys: String, CodingKey {
            case uuid
            case chatMessages = "chat_messages"
        }
    }

    func recognizes(_ sample: Data) -> Bool {
        guard let probe = try? JSONDecoder().decode(Probe.self, from: sample) else { return false }
        let messages = probe.chatMessages.compactMap { $0 }
        return messages.isEmpty || messages.contains { $0.sender != nil }
    }

    func parse(element: Data, file: String) throws -> (ParsedConversation, [ImportDiagnostic]) {
        let wire = try JSONDecoder().decodeConversation(ClaudeWire.Conversation.self, from: element, platform: .claude)
        var diagnostics: [ImportDiagnostic] = []
        func warn(_ message: String) {
            diagnostics.append(
                ImportDiagnostic(severity: .warning, file: file, conversation: wire.uuid, message: message))
        }

        var messages: [ClaudeWire.Message] = []
        var seen = Set<String>()
        for (index, entry) in wire.chatMessages.enumerated() {
            switch entry {
            case .null:
                warn("chat_messages[\(index)] is null; skipped")
            case .unreadable(let problem):
                warn("chat_messages[\(index)] could not be read (\(problem)); skipped")
            case .message(let message):
                if seen.insert(message.uuid).inserted {
                    messages.append(message)
                } else {
                    warn("chat_messages[\(index)] repeats message \(message.uuid); the first copy was kept")
                }
            }
        }

        let conversation = ParsedConversation(
            platform: .claude, sourceID: wire.uuid, title: Self.nonEmpty(wire.name),
            createdAt: wire.createdAt.flatMap(ISO8601Timestamp.date(from:)),
            updatedAt: wire.updatedAt.flatMap(ISO8601Timestamp.date(from:)),
            messages: Self.flatten(messages, warn: warn),
            metadata: Self.nonEmpty(wire.summary).map { ["summary": $0] } ?? [:])
        return (conversation, diagnostics)
    }

    /// Expands every message into stored messages, links parents, numbers the active branch.
    private static func flatten(_ messages: [ClaudeWire.Message], warn: (String) -> Void) -> [ParsedMessage] {
        var parent: [String: String] = [:]
        for (index, message) in messages.enumerated() {
            if let link = message.parentMessageUUID {
                if link != rootSentinel { parent[message.uuid] = link }
            } else if index > 0 {
                parent[message.uuid] = messages[index - 1].uuid  // implied by list order
            }
        }
        let tree = ConversationTree(nodes: messages.map(\.uuid), parent: parent)
        for node in tree.cutLinks {
            warn("the parent_message_uuid links loop back to message \(node); it was treated as a root")
        }
        var parts: [String: [ParsedMessage]] = [:]
        var representative: [String: String] = [:]  // what replies to a message link to
        for message in messages {
            let expanded = expand(message)
            parts[message.uuid] = expanded
            representative[message.uuid] =
                expanded.first { $0.sourceID == message.uuid }?.sourceID
                ?? expanded.first?.sourceID
        }

        let active = tree.lastChildPath()
        return tree.layOut(active: active, order: messages.map(\.uuid), parts: parts, representative: representative)
    }

}
