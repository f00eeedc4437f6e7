import Foundation

/// Reads one Kimi (Moonshot AI) chat.
///
/// Kimi has no official export; this reads what
/// third-party exporters save from its private API: kimi-chat-exporter's
/// `raw/<chat-id>.json` (`{schema: "kimi-raw/1", chatId, chat, messages}`), a bare
/// `ListMessages` page, or a chat object that carries its `messages`.
///
/// A message is a list of blocks. Its `text` blocks and `file` blocks make one visible
/// `ParsedMessage` (id = the message id); every `think`, `search`, `tool`, `artifact`,
/// `error` or unknown block that carries text becomes a hidden one, `<id>#<kind>-<block
/// index>`, placed in block order on the active branch. All text is cleaned (see `clean`).
/// The content-free `system` message that starts every chat is not stored.
///
/// Branches: messages link through `parentId` (the nil UUID for a root) and list their
/// regenerations in `childrenMessageIds`. The active branch follows, from the last root, the
/// last child, unless that child is a dead end (a cancelled regeneration) and an earlier one
/// goes on: that is the thread Kimi shows.
///
/// A `ListChats` page (`{chats: […]}`) is recognised but not imported: it holds titles and
/// dates only, and the error says which files to import instead.
struct KimiParser: ExportParser {
    let platform = Platform.kimi

    /// The parent id Kimi gives a root message.
    private static let nilParent = "00000000-0000-0000-0000-000000000000"

    func recognizes(_ sample: Data) -> Bool {
        guard let document = try? JSONDecoder().decode(KimiWire.Document.self, from: sample) else { return false }
        guard let entries = document.messages else {
            return document.chats.map { !$0.isEmpty && $0.contains(where: \.isChat) } ?? false
        }
        let messages = entries.compactMap(\.value)
        guard messages.isEmpty else { return messages.contains(where: \.looksLikeKimi) }
        return document.chat?.isChat == true || document.ownChat?.isChat == true
            || document.schema?.hasPrefix("kimi") == true
    }

    func parse(element: Data, file: String) throws -> (ParsedConversation, [ImportDiagnostic]) {
        let document = try JSONDecoder().decodeConversation(KimiWire.Document.self, from: element, platform: .kimi)
        guard let entries = document.messages else {
            if let chats = document.chats, !chats.isEmpty {
                throw ExportParseError(
                    "a Kimi chat list (ListChats, \(chats.count) chats) holds titles and dates but no messages; import the exporter's raw/<chat-id>.json files (its raw folder) instead"
                )
            }
            throw ExportParseError(
                "not a Kimi chat: expected an object with \"messages\" (a kimi-chat-exporter raw/<chat-id>.json file, or a ListMessages response)"
            )
        }
        let chat = document.chat ?? (document.ownChat?.isChat == true ? document.ownChat : nil)
        var diagnostics: [ImportDiagnostic] = []
        var pending: [String] = []  // warnings met before the chat's id is known

        var messages: [(id: String, message: KimiWire.Message)] = []
        var seen = Set<String>()
        for (index, entry) in entries.enumerated() {
            guard let message = entry.value else {
                pending.append("messages[\(index)] \(entry.problem ?? "could not be read"); skipped")
                continue
            }
            guard let id = message.id, !id.isEmpty else {
                pending.append("messages[\(index)] has no id; skipped")
                continue
            }
            guard seen.insert(id).inserted else {
                pending.append("messages[\(index)] repeats message \(id); the first copy was kept")
                continue
            }
            messages.append((id, message))
        }
        let decoded = entries.compactMap(\.value)
        if !decoded.isEmpty, !decoded.contains(where: \.looksLikeKimi) {
            throw ExportParseError(
                "not a Kimi chat: its messages have no \"blocks\" with \"role\" and \"parentId\" (expected Kimi's ListMessages shape)",
                conversation: chat?.id ?? document.chatID)
        }
        guard let id = chat?.id ?? document.chatID ?? messages.first?.id else {
            throw ExportParseError("not a Kimi chat: it has no chat id and no messages to stand in for one")
        }
        if chat?.id == nil, document.chatID == nil {
            pending.insert("has no chat id; the id of its first message, \(id), stands in for it", at: 0)
        }
        func warn(_ message: String) {
            diagnostics.append(ImportDiagnostic(severity: .warning, file: file, conversation: id, message: message))
        }
        pending.forEach(warn)

        let times = messages.compactMap(\.message.createTime?.date)
        var metadata: [String: String] = [:]
        metadata["model"] = chat?.model.flatMap(Self.nonEmpty)
        metadata["project"] = chat?.projectName.map(Self.clean).flatMap(Self.nonEmpty)
        if chat?.pinned == true { metadata["pinned"] = "true" }
        let conversation = ParsedConversation(
            platform: .kimi, sourceID: id, title: chat?.name.map(Self.clean).flatMap(Self.nonEmpty),
            createdAt: chat?.createTime?.date ?? times.min(), updatedAt: chat?.updateTime?.date ?? times.max(),
            messages: Self.flatten(messages, warn: warn), metadata: metadata)
        return (conversation, diagnostics)
    }

    /// Expands every message, links parents to the nearest stored message, numbers the active branch.
    private static func flatten(
        _ messages: [(id: String, message: KimiWire.Message)], warn: (String) -> Void
    ) -> [ParsedMessage] {
        var parent: [String: String] = [:]
        for (id, message) in messages {
            if let link = message.parentID, link != nilParent, !link.isEmpty { parent[id] = link }
        }
        let children = Dictionary(
            messages.map { ($0.id, $0.message.childrenIDs) }, uniquingKeysWith: { first, _ in first })
        let tree = ConversationTree(nodes: messages.map(\.id), parent: parent, listedChildren: children)
        for node in tree.cutLinks {
            warn("the parentId links loop back to message \(node); it was treated as a root")
        }
        var parts: [String: [ParsedMessage]] = [:]
        var representative: [String: String] = [:]  // what replies to a message link to
        for (id, message) in messages {
            for (index, block) in (message.blocks ?? []).enumerated() {
                if let problem = block.problem {
                    warn("message \(id): blocks[\(index)] \(problem); the rest of it was kept")
                }
            }
            let expanded = expand(message, id: id)
            guard let first = expanded.first else { continue }
            parts[id] = expanded
            representative[id] = expanded.first { $0.sourceID == id }?.sourceID ?? first.sourceID
        }

        var active: [String] = []
        var current = tree.roots.last
        while let node = current {
            active.append(node)
            let children = tree.children(of: node)
            current = children.last { !tree.children(of: $0).isEmpty } ?? children.last
        }
        return tree.layOut(active: active, order: tree.depthFirstOrder(), parts: parts, representative: representative)
    }

}
