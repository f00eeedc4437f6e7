import Foundation

/// Writes a ChatGPT `conversations.json` of a given size, shaped like a real export: every
/// conversation a `mapping` tree with a null root, a hidden system node, user and assistant
/// turns carrying the metadata real exports carry, and now and then a regenerated answer off the
/// active branch.
///
/// Written in a stream, so any size costs little memory.
struct ChatGPTExportWriter {
    /// Writes at least `megabytes` MB (10^6 bytes) to `path`; returns conversations and messages written.
    ///
    /// With `facts`, one user turn in three opens with a first-person statement the extractor
    /// reads (where the user lives, what they like, their favourites), drawn from small lists so
    /// the same facts recur, merge and supersede as they do in a real history.
    static func write(megabytes: Int, to path: String, seed: UInt64 = 42, facts: Bool = false) throws -> (
        conversations: Int, messages: Int
    ) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        var text = SyntheticText(seed: seed)
        var buffer = "["
        var written = 0
        var conversations = 0
        var messages = 0
        let target = megabytes * 1_000_000
        while written + buffer.utf8.count < target {
            if conversations > 0 { buffer += "," }
            let (json, count) = conversation(conversations, text: &text, facts: facts)
            buffer += json
            conversations += 1
            messages += count
            if buffer.utf8.count > 4 << 20 {
                written += buffer.utf8.count
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        buffer += "]"
        try handle.write(contentsOf: Data(buffer.utf8))
        return (conversations, messages)
    }

    private static func conversation(_ index: Int, text: inout SyntheticText, facts: Bool) -> (String, Int) {
        let id = String(format: "%08x-0000-4000-8000-%012x", index, index * 7919)
        let start = 1_690_000_000.0 + Double(index) * 5_400
        let turns = Int.random(in: 2...40, using: &text.random)
        var nodes: [String] = []
        var parent = "client-created-root"
        var children: [String: [String]] = ["client-created-root": []]
        var order: [(id: String, parent: String, body: String)] = []
        func add(_ nodeID: String, _ body: String) {
            order.append((nodeID, parent, body))
            children[parent, default: []].append(nodeID)
            children[nodeID] = children[nodeID] ?? []
        }
        add("\(id)-system", message("\(id)-system", role: "system", text: "", time: start, hidden: true))
        parent = "\(id)-system"
        var count = 0
        for turn in 0..<turns {
            let role = turn % 2 == 0 ? "user" : "assistant"
            let length =
                role == "user"
                ? Int.random(in: 6...60, using: &text.random) : Int.random(in: 40...400, using: &text.random)
            let nodeID = "\(id)-\(turn)"
            if role == "assistant", Int.random(in: 0..<5, using: &text.random) == 0 {
                // A regenerated answer the user moved away from: stored, not on the active branch.
                let other = "\(id)-\(turn)-regenerated"
                add(
                    other,
                    message(
                        other, role: role, text: text.sentence(length), time: start + Double(turn) * 40, hidden: false))
                count += 1
            }
            var said = body(&text, words: length)
            if facts, role == "user", Int.random(in: 0..<3, using: &text.random) == 0 {
                said = FactSentences.random(using: &text.random) + " " + said
            }
            add(nodeID, message(nodeID, role: role, text: said, time: start + Double(turn) * 40 + 1, hidden: false))
            parent = nodeID
            count += 1
        }
        nodes.append(
            #""client-created-root":{"id":"client-created-root","message":null,"parent":null,"children":[\#(quoted(children["client-created-root"] ?? []))]}"#
        )
        for node in order {
            nodes.append(
                #""\#(node.id)":{"id":"\#(node.id)","message":\#(node.body),"parent":"\#(node.parent)","children":[\#(quoted(children[node.id] ?? []))]}"#
            )
        }
        let title = text.sentence(Int.random(in: 2...6, using: &text.random)).capitalized
        let json =
            #"{"title":"\#(title)","create_time":\#(start),"update_time":\#(start + Double(turns) * 40),"mapping":{\#(nodes.joined(separator: ","))},"moderation_results":[],"current_node":"\#(parent)","plugin_ids":null,"conversation_id":"\#(id)","conversation_template_id":null,"gizmo_id":null,"gizmo_type":null,"is_archived":false,"is_starred":null,"safe_urls":[],"blocked_urls":[],"default_model_slug":"gpt-4o","conversation_origin":null,"voice":null,"async_status":null,"disabled_tool_ids":[],"is_do_not_remember":false,"memory_scope":"global_enabled","id":"\#(id)"}"#
        return (json, count)
    }

    private static func message(_ id: String, role: String, text: String, time: Double, hidden: Bool) -> String {
        let hiddenField = hidden ? #""is_visually_hidden_from_conversation":true,"# : ""
        let modelFields =
            role == "assistant"
            ? #""citations":[],"content_references":[],"finish_details":{"type":"stop","stop_tokens":[200002]},"is_complete":true,"model_slug":"gpt-4o","default_model_slug":"gpt-4o","parent_id":"x","#
            : ""
        return
            #"{"id":"\#(id)","author":{"role":"\#(role)","name":null,"metadata":{}},"create_time":\#(time),"update_time":null,"content":{"content_type":"text","parts":["\#(text)"]},"status":"finished_successfully","end_turn":\#(role == "assistant"),"weight":1.0,"metadata":{\#(hiddenField)\#(modelFields)"request_id":"req-\#(id.suffix(12))","message_type":null,"timestamp_":"absolute"},"recipient":"all","channel":null}"#
    }

    /// Prose with the odd paragraph break, quotation and code block, JSON-escaped.
    private static func body(_ text: inout SyntheticText, words: Int) -> String {
        var parts: [String] = []
        var left = words
        while left > 0 {
            let length = min(left, Int.random(in: 12...60, using: &text.random))
            var sentence = text.sentence(length)
            switch Int.random(in: 0..<12, using: &text.random) {
            case 0: sentence = #"\"\#(sentence)\""#
            case 1: sentence = #"```swift\nlet value = \"\#(text.word())\"\n```"#
            case 2: sentence += " — café naïve 😀"
            default: break
            }
            parts.append(sentence)
            left -= length
        }
        return parts.joined(separator: ".\\n\\n")
    }

    private static func quoted(_ ids: [String]) -> String {
        ids.map { "\"\($0)\"" }.joined(separator: ",")
    }
}
