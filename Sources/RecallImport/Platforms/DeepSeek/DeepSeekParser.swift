import Foundation

/// Reads one DeepSeek conversation: an element of the official `conversations.json`
/// (chat.deepseek.com → Settings → Data → Export all history), or a saved response of the web
/// API's `history_messages` endpoint, which browser exporters write (see `+Capture`).
///
/// Both are trees of messages made of typed fragments. A message becomes one visible
/// `ParsedMessage` (its `REQUEST`/`RESPONSE` text and its files, id = the node or message id)
/// plus one hidden message per `THINK`, `SEARCH`, `TOOL_*`, `READ_LINK` or unknown fragment,
/// with ids `<node>#<type>-<fragment index>` (`2#think-0`). On the active branch all of them
/// get positions in fragment order, as `ClaudeParser` does for thinking blocks.
///
/// The active branch: the official file has no pointer to the last-viewed leaf, so at each
/// branch point it follows the child whose branch holds the newest message (`inserted_at`);
/// that is the child written last unless the user went back to an older branch and went on
/// there. A capture's `current_message_id`, or a `current_node` some tools add to the
/// official shape, names the leaf instead.
struct DeepSeekParser: ExportParser {
    let platform = Platform.deepseek

    /// One message of either shape, keyed by its node id.
    struct Turn {
        var id: String
        var message: DeepSeekWire.Message
    }

    /// Keys that tell the two shapes apart without decoding either.
    private struct Shape: Decodable {
        @Presence private var mappingKey: KeyOnly?
        @Presence private var dataKey: KeyOnly?

        /// The official export's shape.
        var mapping: Bool { $mappingKey }
        /// A saved web API response.
        var data: Bool { $dataKey }

        private enum CodingKeys: String, CodingKey {
            case mappingKey = "mapping"
            case dataKey = "data"
        }
    }

    func recognizes(_ sample: Data) -> Bool {
        let decoder = JSONDecoder()
        if let capture = try? decoder.decode(DeepSeekWire.Capture.self, from: sample), Self.isConversation(capture) {
            return true
        }
        guard let wire = try? decoder.decode(DeepSeekWire.Conversation.self, from: sample) else { return false }
        let messages = wire.mapping.values.compactMap(\.message)
        guard !messages.contains(where: \.hasAuthor) else { return false }
        // An empty conversation has no fragments, but still DeepSeek's root and dates.
        return messages.contains { $0.fragments != nil } || (wire.insertedAt != nil && wire.mapping["root"] != nil)
    }

    func parse(element: Data, file: String) throws -> (ParsedConversation, [ImportDiagnostic]) {
        let shape = try? JSONDecoder().decode(Shape.self, from: element)
        if shape?.data == true { return try parseCapture(element, file: file) }
        guard shape?.mapping == true else {
            throw ExportParseError(
                "not a DeepSeek conversation: expected an object with \"mapping\" (an element of the official conversations.json) or \"data.biz_data.chat_messages\" (a saved web API response)"
            )
        }
        let wire = try JSONDecoder().decodeConversation(
            DeepSeekWire.Conversation.self, from: element, platform: .deepseek)
        guard let id = [wire.id, wire.conversationID].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw ExportParseError(
                "not a DeepSeek conversation: it has no \"id\" (expected an object with \"id\", \"inserted_at\" and \"mapping\")"
            )
        }
        let wireMessages = wire.mapping.values.compactMap(\.message)
        if wireMessages.contains(where: \.hasAuthor) {
            throw ExportParseError(
                "looks like a ChatGPT conversation (its messages have \"author\"), not DeepSeek", conversation: id)
        }
        let datedLikeDeepSeek = wire.insertedAt != nil || wire.updatedAt != nil || wire.mapping["root"] != nil
        guard datedLikeDeepSeek || wireMessages.contains(where: { $0.fragments != nil }) else {
            throw ExportParseError(
                "not a DeepSeek conversation: its mapping has no \"root\" node and no message \"fragments\"",
                conversation: id)
        }

        var diagnostics: [ImportDiagnostic] = []
        func warn(_ message: String) {
            diagnostics.append(ImportDiagnostic(severity: .warning, file: file, conversation: id, message: message))
        }
        let nodes = wire.mapping.keys.sorted(by: Self.nodeOrder)
        var turns: [String: Turn] = [:]
        for key in nodes {
            guard let node = wire.mapping[key] else { continue }
            if let problem = node.unreadableMessage {
                warn("node \(key): its message could not be read (\(problem)); skipped, its replies were kept")
            } else if let message = node.message {
                turns[key] = Turn(id: key, message: message)
            }
        }
        var leaf = wire.currentNode
        if let current = leaf, wire.mapping[current] == nil {
            warn("current_node \(current) is not in the mapping; the active branch follows the newest message instead")
            leaf = nil
        }
        let (messages, model) = Self.buildMessages(
            nodes: nodes, parents: wire.mapping.compactMapValues(\.parent),
            children: wire.mapping.mapValues(\.children), turns: turns, activeLeaf: leaf, warn: warn)
        let conversation = ParsedConversation(
            platform: .deepseek, sourceID: id, title: Self.nonEmpty(wire.title),
            createdAt: (wire.insertedAt ?? wire.createTime)?.date, updatedAt: (wire.updatedAt ?? wire.updateTime)?.date,
            messages: messages, metadata: model.map { ["model": $0] } ?? [:])
        return (conversation, diagnostics)
    }

    /// `root` first, then numeric ids in numeric order (`"2"` before `"10"`), then the rest.
    private static func nodeOrder(_ a: String, _ b: String) -> Bool {
        switch (a == "root", b == "root", Int(a), Int(b)) {
        case (true, _, _, _): return !(b == "root")
        case (_, true, _, _): return false
        case (_, _, let x?, let y?): return x < y
        case (_, _, _?, nil): return true
        case (_, _, nil, _?): return false
        default: return a < b
        }
    }

    /// Expands every turn, links parents to the nearest stored message, numbers the active
    /// branch; also returns the model used last on that branch.
    static func buildMessages(
        nodes: [String], parents: [String: String], children: [String: [String]] = [:], turns: [String: Turn],
        activeLeaf: String?, warn: (String) -> Void
    ) -> ([ParsedMessage], model: String?) {
        let tree = ConversationTree(nodes: nodes, parent: parents, listedChildren: children, walkFirst: activeLeaf)
        for node in tree.cutLinks {
            warn("the parent links loop back to node \(node); it was treated as a root")
        }
        var parts: [String: [ParsedMessage]] = [:]
        var representative: [String: String] = [:]  // what replies to a node link to
        for id in nodes {
            guard let turn = turns[id] else { continue }
            for problem in turn.message.fragmentProblems {
                warn("node \(id): \(problem); the rest of the message was kept")
            }
            let expanded = expand(turn)
            guard let first = expanded.first else { continue }
            parts[id] = expanded
            representative[id] = expanded.first { $0.sourceID == id }?.sourceID ?? first.sourceID
        }

        let times = turns.compactMapValues(\.message.insertedAt?.date)
        let active = activeLeaf.map(tree.path(to:)) ?? newestBranch(tree, times: times)
        let result = tree.layOut(
            active: active, order: tree.depthFirstOrder(), parts: parts, representative: representative)
        let model =
            active.compactMap { turns[$0]?.message.model }.last { !$0.isEmpty }
            ?? nodes.compactMap { turns[$0]?.message.model }.last { !$0.isEmpty }
        return (result, model)
    }

    /// From the root, at each step the child whose subtree holds the newest message; ties go
    /// to the child listed later.
    ///
    /// Several roots (an edited first prompt) are chosen alike.
    private static func newestBranch(_ tree: ConversationTree, times: [String: Date]) -> [String] {
        var newest: [String: Date] = [:]
        for node in tree.depthFirstOrder().reversed() {  // children before their parents
            let own = times[node] ?? .distantPast
            newest[node] = tree.children(of: node).reduce(own) { max($0, newest[$1] ?? .distantPast) }
        }
        func pick(_ candidates: [String]) -> String? {
            candidates.reduce(nil as String?) { best, id in
                guard let best else { return id }
                return (newest[id] ?? .distantPast) >= (newest[best] ?? .distantPast) ? id : best
            }
        }
        var path: [String] = []
        var current = pick(tree.roots)
        while let node = current {
            path.append(node)
            current = pick(tree.children(of: node))
        }
        return path
    }

}
