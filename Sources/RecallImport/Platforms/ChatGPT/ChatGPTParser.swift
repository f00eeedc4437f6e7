import Foundation

/// Reads one conversation of a ChatGPT `conversations.json` (Settings → Data controls → Export).
///
/// A conversation is a tree (`mapping`: node id → node with `parent` and `message`). Every
/// node with a message becomes a `ParsedMessage` keyed by its node id, so edited and
/// regenerated branches are kept. The active branch is the path from `current_node` up to
/// the root, reversed — what ChatGPT's own viewer shows; when `current_node` is missing, the
/// leaf written last. Active messages, hidden ones included, get positions 0…n-1 in order;
/// messages on other branches get none.
///
/// Each node stays its own message (continuations are not merged) so ids round-trip and
/// re-imports update in place. Nodes without text or attachments (the root, `parts: [""]`
/// placeholders, empty system prompts) are not stored; their children link to the nearest
/// stored ancestor instead.
struct ChatGPTParser: ExportParser {
    let platform = Platform.chatgpt
    /// Whether elements are read by `ChatGPTWireScanner` first (`JSONDecoder` takes what it
    /// leaves); false decodes every element with `JSONDecoder`, which tests compare against.
    var scansFields = true

    func recognizes(_ sample: Data) -> Bool {
        // ChatGPT's signature: a message tree whose messages have an author and content. (DeepSeek's
        // tree has neither; `parse` still refuses DeepSeek's fields with a pointed message.)
        guard let wire = try? JSONDecoder().decode(ChatGPTWire.Conversation.self, from: sample),
            let mapping = wire.mapping
        else { return false }
        return mapping.values.contains { $0.message?.author != nil && $0.message?.content != nil }
    }

    func parse(element: Data, file: String) throws -> (ParsedConversation, [ImportDiagnostic]) {
        let wire =
            try (scansFields ? ChatGPTWireScanner.conversation(element) : nil)
            ?? JSONDecoder().decodeConversation(ChatGPTWire.Conversation.self, from: element, platform: .chatgpt)
        guard let id = [wire.id, wire.conversationID].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw ExportParseError(
                "not a ChatGPT conversation: it has no \"id\" (expected an object with \"id\", \"mapping\" and \"current_node\")"
            )
        }
        if Self.looksLikeDeepSeek(wire) {
            throw ExportParseError(
                "looks like a DeepSeek conversation (it has \"inserted_at\" or message \"fragments\"), not ChatGPT",
                conversation: id)
        }
        var diagnostics: [ImportDiagnostic] = []
        func warn(_ message: String) {
            diagnostics.append(ImportDiagnostic(severity: .warning, file: file, conversation: id, message: message))
        }
        if wire.mapping == nil {
            warn("has no \"mapping\" (its message tree); imported without messages")
        }
        let messages = buildMessages(wire.mapping ?? [:], currentNode: wire.currentNode, warn: warn)
        let conversation = ParsedConversation(
            platform: .chatgpt, sourceID: id, title: Self.title(wire.title),
            createdAt: wire.createTime.map(Date.init(timeIntervalSince1970:)),
            updatedAt: wire.updateTime.map(Date.init(timeIntervalSince1970:)),
            messages: messages, metadata: Self.metadata(wire))
        return (conversation, diagnostics)
    }

    private func buildMessages(
        _ mapping: [String: ChatGPTWire.Node], currentNode: String?, warn: (String) -> Void
    ) -> [ParsedMessage] {
        let ids = mapping.keys.sorted()
        let current = currentNode.flatMap { mapping[$0] == nil ? nil : $0 }
        let tree = ConversationTree(
            nodes: ids, parent: mapping.compactMapValues(\.parent), listedChildren: mapping.mapValues(\.children),
            walkFirst: current)
        for node in tree.cutLinks {
            warn("the parent links loop back to node \(node); it was treated as a root")
        }
        var rendered: [String: ParsedMessage] = [:]
        for id in ids {
            guard let node = mapping[id] else { continue }
            if let problem = node.unreadableMessage {
                warn("node \(id): its message could not be read (\(problem)); skipped, its replies were kept")
            } else if let message = node.message, let parsed = Self.message(id: id, message) {
                rendered[id] = parsed
            }
        }

        if let currentNode, current == nil {
            warn("current_node \(currentNode) is not in the mapping; the active branch ends at the newest leaf")
        }
        let activePath = (current ?? newestLeaf(tree, mapping)).map(tree.path(to:)) ?? []

        var result: [ParsedMessage] = []
        var placed = Set<String>()
        for id in activePath {
            guard var message = rendered[id], placed.insert(id).inserted else { continue }
            message.activePosition = result.count
            result.append(message)
        }
        for id in tree.depthFirstOrder() where rendered[id] != nil && placed.insert(id).inserted {
            if let message = rendered[id] { result.append(message) }
        }
        let storedAncestor = tree.nearestAncestors { rendered[$0] != nil }
        for index in result.indices {
            result[index].parentSourceID = storedAncestor[result[index].sourceID]
        }
        return result
    }

    /// The leaf whose message was written last; ties go to the later leaf in tree order.
    private func newestLeaf(_ tree: ConversationTree, _ mapping: [String: ChatGPTWire.Node]) -> String? {
        let order = tree.depthFirstOrder()
        let leaves = Set(tree.leaves)
        let candidates = order.filter { leaves.contains($0) }
        let pool = candidates.isEmpty ? order : candidates
        var best: (id: String, time: Double)?
        for id in pool {
            let time = mapping[id]?.message?.createTime ?? -Double.infinity
            if best == nil || time >= (best?.time ?? -Double.infinity) { best = (id, time) }
        }
        return best?.id
    }

    private static func looksLikeDeepSeek(_ wire: ChatGPTWire.Conversation) -> Bool {
        wire.hasInsertedAt || (wire.mapping?.values.contains { $0.message?.hasFragments == true } ?? false)
    }

    private static func title(_ raw: String?) -> String? {
        guard let trimmed = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    private static func metadata(_ wire: ChatGPTWire.Conversation) -> [String: String] {
        var metadata: [String: String] = [:]
        metadata["model"] = wire.defaultModelSlug
        metadata["gizmo_id"] = wire.gizmoID
        metadata["gizmo_type"] = wire.gizmoType
        metadata["conversation_template_id"] = wire.conversationTemplateID
        if wire.isArchived == true { metadata["archived"] = "true" }
        return metadata
    }
}
