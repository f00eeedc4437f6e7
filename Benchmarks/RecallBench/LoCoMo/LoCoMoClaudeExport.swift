import Foundation

/// LoCoMo shaped as the Claude `conversations.json` a user downloads: one conversation per
/// session, the first speaker as `human` and the second as `assistant`, each speaker's name only
/// at the start of the text ("Caroline: …"), every turn timed from its session's date.
///
/// Nothing
/// the export format lacks (an author field) reaches the store, so a ranking measured on it is
/// what a real user's chats would get.
enum LoCoMoClaudeExport {
    /// Writes one sample's sessions to `path`; a turn's uuid is its `dia_id`, so hits name their evidence.
    static func write(_ sample: LoCoMoDataset.Sample, to path: String) throws {
        let conversations = sample.sessions.map { session in
            conversation(sample: sample, number: session.number, date: session.date, turns: session.turns)
        }
        let data = try JSONSerialization.data(withJSONObject: conversations, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
    }

    private static func conversation(
        sample: LoCoMoDataset.Sample, number: Int, date: Date?, turns: [LoCoMoDataset.Turn]
    ) -> [String: Any] {
        let start = date ?? Date(timeIntervalSince1970: 1_672_531_200)
        var messages: [[String: Any]] = []
        var parent = "00000000-0000-4000-8000-000000000000"
        for (index, turn) in turns.enumerated() {
            // An image's caption is what the turn shows; LoCoMo's own text rendering appends it.
            var text = "\(turn.speaker): \(turn.text)"
            if let caption = turn.blipCaption { text += " [image: \(caption)]" }
            // A minute per turn: distinct, ordered times within the session's day.
            let time = timestamp(start.addingTimeInterval(Double(index) * 60))
            messages.append([
                "uuid": turn.diaID,
                "sender": turn.speaker == sample.speakers[0] ? "human" : "assistant",
                "text": text,
                "content": [["type": "text", "text": text]],
                "created_at": time,
                "updated_at": time,
                "parent_message_uuid": parent,
                "attachments": [] as [Any],
                "files": [] as [Any],
            ])
            parent = turn.diaID
        }
        let end = timestamp(start.addingTimeInterval(Double(max(turns.count - 1, 0)) * 60))
        return [
            "uuid": "\(sample.id)-session-\(number)",
            "name": "\(sample.speakers.joined(separator: " & ")) — session \(number)",
            "summary": "",
            "created_at": timestamp(start),
            "updated_at": end,
            "chat_messages": messages,
        ]
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
