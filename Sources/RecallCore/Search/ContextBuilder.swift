import Foundation

/// Assembles a context block piece by piece, never going over its token budget.
struct ContextBuilder {
    private let budget: Int
    private var memoryLines: [String] = []
    private var excerptBlocks: [String] = []
    private var citations: [Citation] = []
    private var used = 0
    /// Longest quote of one turn; long turns are cut so several excerpts fit.
    private let turnLimit = 700

    private static let memoriesHeader = "Memories:\n"
    private static let excerptsHeader = "From past conversations:\n"

    init(budget: Int) {
        self.budget = budget
    }

    /// Adds a memory line, cut shorter when the whole memory would not fit (its citation opens
    /// it whole), or nothing when even a short cut would not.
    mutating func addMemory(_ memory: Memory) {
        let ref = citations.count + 1
        let header = memoryLines.isEmpty ? TokenEstimate.tokens(in: Self.memoriesHeader) : 0
        let lines = [Int.max, turnLimit, 300, 120].lazy.map { limit in
            let line = "- \(Self.cut(memory.content, to: limit).replacingOccurrences(of: "\n", with: " ")) [\(ref)]\n"
            return (line: line, cost: header + TokenEstimate.tokens(in: line))
        }
        guard let fitting = lines.first(where: { used + $0.cost <= budget }) else { return }
        used += fitting.cost
        memoryLines.append(fitting.line)
        citations.append(
            Citation(
                ref: ref, kind: .memory, memoryID: memory.id, chatID: memory.source?.chatID,
                messageIDs: memory.source?.messageID.map { [$0] } ?? [], date: memory.memoriesAt ?? memory.createdAt))
    }

    /// Adds an excerpt, cutting its turns shorter when the whole would not fit.
    mutating func addExcerpt(_ excerpt: ContextExcerpt) {
        let ref = citations.count + 1
        let header = excerptBlocks.isEmpty ? TokenEstimate.tokens(in: Self.excerptsHeader) + 1 : 1
        for limit in [turnLimit, 300, 120] {
            let text = render(excerpt, ref: ref, limit: limit)
            let cost = TokenEstimate.tokens(in: text) + header
            if used + cost <= budget {
                used += cost
                excerptBlocks.append(text)
                let turns = excerpt.ordered
                citations.append(
                    Citation(
                        ref: ref, kind: .message, chatID: PublicID.chat.string(excerpt.chatID),
                        chatTitle: excerpt.chatTitle, messageIDs: turns.map(\.id), date: turns.first?.createdAt))
                return
            }
        }
    }

    private func render(_ excerpt: ContextExcerpt, ref: Int, limit: Int) -> String {
        let turns = excerpt.ordered
        var date = ""
        if let first = turns.first?.createdAt { date = ", " + ContextBuilder.day.string(from: first) }
        var text = "[\(ref)] \(excerpt.chatTitle) (\(excerpt.platform.displayName)\(date))\n"
        for turn in turns {
            let body = Self.cut(turn.content, to: limit)
            text += "\(turn.role.rawValue): \(body.replacingOccurrences(of: "\n", with: " "))\n"
        }
        return text
    }

    /// The text, or its first `limit` characters and an ellipsis.
    private static func cut(_ text: String, to limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// The finished block.
    var block: ContextBlock {
        var context = ""
        if !memoryLines.isEmpty { context += Self.memoriesHeader + memoryLines.joined() }
        if !excerptBlocks.isEmpty {
            if !context.isEmpty { context += "\n" }
            context += Self.excerptsHeader + excerptBlocks.joined(separator: "\n")
        }
        return ContextBlock(context: context, citations: citations, tokens: TokenEstimate.tokens(in: context))
    }

    private static let day: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()
}
