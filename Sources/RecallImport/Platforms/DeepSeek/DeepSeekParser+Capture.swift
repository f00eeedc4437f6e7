import Foundation

extension DeepSeekParser {
    /// Whether a decoded capture holds a conversation: messages with ids and roles, or an
    /// empty message list beside its chat session.
    static func isConversation(_ capture: DeepSeekWire.Capture) -> Bool {
        guard let entries = capture.messages else { return false }
        let messages = entries.compactMap(\.value)
        if messages.isEmpty { return capture.session != nil }
        return messages.contains { $0.messageID != nil && $0.role != nil && !$0.hasAuthor }
    }

    /// Reads a saved `history_messages` response: messages in a flat list linked by
    /// `parent_id`, several roots when the first prompt was edited, epoch-second times, and
    /// `chat_session.current_message_id` naming the leaf the user last saw.
    func parseCapture(_ element: Data, file: String) throws -> (ParsedConversation, [ImportDiagnostic]) {
        let capture = try JSONDecoder().decodeConversation(
            DeepSeekWire.Capture.self, from: element, platform: .deepseek)
        guard let entries = capture.messages else {
            let status = [
                capture.code.map { "code \($0)" }, Self.nonEmpty(capture.msg),
                capture.bizCode.map { "biz_code \($0)" }, Self.nonEmpty(capture.bizMsg),
            ].compactMap { $0 }
            let said = status.isEmpty ? "" : " (the response says: \(status.joined(separator: ", ")))"
            throw ExportParseError(
                "a saved DeepSeek web API response without \"data.biz_data.chat_messages\"\(said): it holds no conversation; save the history_messages response of a chat that loaded"
            )
        }
        guard let id = Self.nonEmpty(capture.session?.id) else {
            throw ExportParseError(
                "a saved DeepSeek web API response without \"data.biz_data.chat_session.id\": the conversation cannot be identified; save the whole history_messages response"
            )
        }
        var diagnostics: [ImportDiagnostic] = []
        func warn(_ message: String) {
            diagnostics.append(ImportDiagnostic(severity: .warning, file: file, conversation: id, message: message))
        }

        var nodes: [String] = []
        var parents: [String: String] = [:]
        var turns: [String: Turn] = [:]
        for (index, entry) in entries.enumerated() {
            guard let message = entry.value else {
                warn("chat_messages[\(index)] \(entry.problem ?? "could not be read"); skipped")
                continue
            }
            guard let messageID = message.messageID else {
                warn("chat_messages[\(index)] has no message_id; skipped")
                continue
            }
            guard turns[messageID] == nil else {
                warn("chat_messages[\(index)] repeats message \(messageID); the first copy was kept")
                continue
            }
            nodes.append(messageID)
            parents[messageID] = message.parentID
            turns[messageID] = Turn(id: messageID, message: message)
        }
        var leaf = capture.session?.currentMessageID
        if let current = leaf, turns[current] == nil {
            warn(
                "current_message_id \(current) is not among the messages; "
                    + "the active branch follows the newest message instead")
            leaf = nil
        }
        let (messages, model) = Self.buildMessages(
            nodes: nodes, parents: parents, turns: turns, activeLeaf: leaf, warn: warn)
        let conversation = ParsedConversation(
            platform: .deepseek, sourceID: id, title: Self.nonEmpty(capture.session?.title),
            createdAt: capture.session?.insertedAt?.date, updatedAt: capture.session?.updatedAt?.date,
            messages: messages, metadata: model.map { ["model": $0] } ?? [:])
        return (conversation, diagnostics)
    }
}
