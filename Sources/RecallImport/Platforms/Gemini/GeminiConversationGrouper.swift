import Foundation

/// Groups Gemini prompts, oldest first, into conversations; the rules are described on
/// `GeminiActivityLog`.
enum GeminiConversationGrouper {
    /// Which rule put the prompts together, recorded in the conversation's metadata.
    enum Rule: String {
        case link = "conversation link"
        case header
        case session = "time gap"
    }

    private struct Group {
        var rule: Rule
        var turns: [GeminiActivityLog.Turn]
    }

    /// The longest title taken from a first prompt.
    static let titleLength = 80

    /// One conversation per group, in the order their first prompts were written.
    static func group(_ turns: [GeminiActivityLog.Turn]) -> [ParsedConversation] {
        var groups: [Group] = []
        var byKey: [String: Int] = [:]
        var session: Int?
        for turn in turns {
            let record = turn.record
            let key: String
            let rule: Rule
            if let id = record.conversationID {
                (key, rule) = ("link:\(id)", .link)
            } else if let title = record.conversationTitle {
                (key, rule) = ("header:\(title)", .header)
            } else {
                if let current = session, let last = groups[current].turns.last, continues(last, turn) {
                    groups[current].turns.append(turn)
                } else {
                    session = groups.count
                    groups.append(Group(rule: .session, turns: [turn]))
                }
                continue
            }
            if let existing = byKey[key] {
                groups[existing].turns.append(turn)
            } else {
                byKey[key] = groups.count
                groups.append(Group(rule: rule, turns: [turn]))
            }
        }
        return groups.map(conversation)
    }

    /// Whether `next` continues the session `previous` is in: same Gem, within the gap.
    private static func continues(_ previous: GeminiActivityLog.Turn, _ next: GeminiActivityLog.Turn) -> Bool {
        guard previous.record.gem == next.record.gem, let before = previous.record.time, let after = next.record.time
        else {
            return false
        }
        return after.timeIntervalSince(before) <= GeminiActivityLog.sessionGap
    }

    private static func conversation(_ group: Group) -> ParsedConversation {
        let first = group.turns[0].record
        let sourceID = group.rule == .link ? first.conversationID ?? first.key : "activity-\(first.key)"
        var active: [ParsedMessage] = []
        var others: [ParsedMessage] = []
        var parent: String?
        var usedKeys = Set<String>()
        for turn in group.turns {
            let record = turn.record
            var key = record.key
            var copy = 2
            while !usedKeys.insert(key).inserted {
                key = "\(record.key)#\(copy)"
                copy += 1
            }
            if !turn.prompt.isEmpty || !record.attachments.isEmpty {
                let id = "\(key)/prompt"
                active.append(
                    ParsedMessage(
                        sourceID: id, parentSourceID: parent, role: .user, text: turn.prompt, createdAt: record.time,
                        activePosition: active.count, contentType: "prompt", attachments: record.attachments))
                parent = id
            }
            let promptID = parent
            for (index, answer) in record.answers.enumerated() {
                let isKept = index == record.answers.count - 1
                let id = record.answers.count == 1 ? "\(key)/answer" : "\(key)/answer-\(index + 1)"
                var message = ParsedMessage(
                    sourceID: id, parentSourceID: promptID, role: .assistant, text: answer, createdAt: record.time,
                    contentType: "answer")
                if isKept {
                    message.activePosition = active.count
                    active.append(message)
                    parent = id
                } else {
                    others.append(message)
                }
            }
        }
        var metadata = ["grouping": group.rule.rawValue]
        metadata["gem"] = group.turns.compactMap(\.record.gem).first
        let times = group.turns.compactMap(\.record.time)
        return ParsedConversation(
            platform: .gemini, sourceID: sourceID, title: first.conversationTitle ?? title(from: group.turns[0].prompt),
            createdAt: times.min(), updatedAt: times.max(), messages: active + others, metadata: metadata)
    }

    /// The first line of the first prompt, shortened: My Activity gives conversations no title.
    static func title(from prompt: String) -> String? {
        let line = prompt.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !line.isEmpty else { return nil }
        guard line.count > titleLength else { return line }
        return line.prefix(titleLength - 1).trimmingCharacters(in: .whitespaces) + "…"
    }
}
