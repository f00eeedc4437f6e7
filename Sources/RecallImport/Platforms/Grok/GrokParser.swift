import Foundation

/// Reads one conversation of Grok's `prod-grok-backend.json` (accounts.x.ai → data export):
/// one item of its `conversations[]`, which `JSONArraySplitter` streams out of the wrapper.
///
/// Each response becomes a `ParsedMessage` keyed by its `response_id` (`_id` in 2026 files),
/// its text with `<grok:render>` citations turned into `[n]` (see `renderCitations`). Its
/// `thinking_trace` and `web_search_results` become hidden messages `<id>#thinking` and
/// `<id>#search`, placed before the answer on the active branch. Senders are matched without
/// regard to case: `human`/`user` are the user, `system` is hidden, anything else (`assistant`,
/// `ASSISTANT`, `grok-3`) is Grok.
///
/// Branches: responses link through `parent_response_id`; regenerations are siblings. The
/// active branch ends at `conversation.leaf_response_id` when it names a response, otherwise
/// at the last response in file order, followed down through its last replies if it has any.
/// When no response carries a parent link, the responses form one chain in file order.
struct GrokParser: ExportParser {
    let platform = Platform.grok

    private struct Probe: Decodable {
        struct Object: Decodable {}
        struct Entry: Decodable {
            struct Response: Decodable { var sender: String? }
            var response: Response?
        }
        var conversation: Object
        var responses: [Entry?]
    }

    func recognizes(_ sample: Data) -> Bool {
        guard let probe = try? JSONDecoder().decode(Probe.self, from: sample) else { return false }
        let responses = probe.responses.compactMap { $0?.response }
        return responses.isEmpty || responses.contains { $0.sender != nil }
    }

    func parse(element: Data, file: String) throws -> (ParsedConversation, [ImportDiagnostic]) {
        let item = try JSONDecoder().decodeConversation(GrokWire.Item.self, from: element, platform: .grok)
        guard let id = Self.nonEmpty(item.conversation.id) else {
            throw ExportParseError(
                "not a readable Grok conversation: it has no \"conversation.conversation_id\" or \"conversation.id\"")
        }
        var diagnostics: [ImportDiagnostic] = []
        func warn(_ message: String) {
            diagnostics.append(ImportDiagnostic(severity: .warning, file: file, conversation: id, message: message))
        }

        var responses: [GrokWire.Response] = []
        var seen = Set<String>()
        for (index, entry) in item.responses.enumerated() {
            switch entry {
            case .unreadable(let problem):
                warn("responses[\(index)] could not be read (\(problem)); skipped")
            case .response(let response):
                guard let responseID = Self.nonEmpty(response.id) else {
                    warn("responses[\(index)] has no response_id or _id; skipped")
                    continue
                }
                if seen.insert(responseID).inserted {
                    responses.append(response)
                } else {
                    warn("responses[\(index)] repeats response \(responseID); the first copy was kept")
                }
            }
        }
        var leaf = item.conversation.leafResponseID
        if let named = leaf, !seen.contains(named) {
            warn(
                "leaf_response_id \(named) is not among the responses; "
                    + "the active branch ends at the last response instead")
            leaf = nil
        }

        let (messages, model) = Self.flatten(responses, leaf: leaf, warn: warn)
        var metadata: [String: String] = [:]
        metadata["model"] = model
        metadata["summary"] = Self.nonEmpty(item.conversation.summary)
        metadata["system_prompt_name"] = Self.nonEmpty(item.conversation.systemPromptName)
        let conversation = ParsedConversation(
            platform: .grok, sourceID: id, title: Self.nonEmpty(item.conversation.title),
            createdAt: item.conversation.createTime?.date, updatedAt: item.conversation.modifyTime?.date,
            messages: messages, metadata: metadata)
        return (conversation, diagnostics)
    }

    /// Expands every response, links parents to the nearest stored message, numbers the active
    /// branch; also returns the model used last on it.
    private static func flatten(
        _ responses: [GrokWire.Response], leaf: String?, warn: (String) -> Void
    ) -> ([ParsedMessage], model: String?) {
        let ids = responses.compactMap(\.id)
        var parent: [String: String] = [:]
        let linked = responses.contains { $0.parentID != nil }
        for (index, response) in responses.enumerated() {
            guard let id = response.id else { continue }
            if linked {
                parent[id] = response.parentID
            } else if index > 0, let previous = responses[index - 1].id {
                parent[id] = previous  // implied by file order
            }
        }
        let tree = ConversationTree(nodes: ids, parent: parent, walkFirst: leaf)
        for node in tree.cutLinks {
            warn("the parent_response_id links loop back to response \(node); it was treated as a root")
        }
        var parts: [String: [ParsedMessage]] = [:]
        var representative: [String: String] = [:]  // what replies to a response link to
        for response in responses {
            guard let id = response.id else { continue }
            let expanded = expand(response, id: id)
            guard let first = expanded.first else { continue }
            parts[id] = expanded
            representative[id] = expanded.first { $0.sourceID == id }?.sourceID ?? first.sourceID
        }

        var end = leaf ?? ids.last
        while let node = end, leaf == nil, let next = tree.children(of: node).last { end = next }
        let active = end.map(tree.path(to:)) ?? []
        let result = tree.layOut(
            active: active, order: tree.depthFirstOrder(), parts: parts, representative: representative)
        var models: [String: String] = [:]
        for response in responses {
            if let id = response.id, models[id] == nil, let model = nonEmpty(response.model) { models[id] = model }
        }
        let model = active.compactMap { models[$0] }.last ?? ids.compactMap { models[$0] }.last
        return (result, model)
    }

}
