import Foundation

/// Turns Gemini Apps activity records (from `MyActivity.json` or `.html`) into conversations.
///
/// **What is a turn.** A record whose title starts with a prompt verb ("Prompted", older
/// "Asked", Czech "Pokyn") is a prompt; the rest of the title is the prompt text. Records with
/// other verbs ("Created …" Canvas documents, "Gave feedback", "Selected preferred draft") are not
/// conversation text and are left out, with one warning that counts them. In a language whose
/// verb Recall does not know, a record with an answer is still a prompt: when most answered
/// records start with the same word, that word is taken as the verb; otherwise the whole title
/// is kept as the prompt.
///
/// **Grouping.** My Activity has no conversation ids, only one record per prompt. Records are
/// grouped, oldest first, by the first rule that applies:
/// 1. records linking to the same `gemini.google.com/app/<id>` conversation;
/// 2. records under the same header, when the header is a title rather than the product name;
/// 3. otherwise consecutive prompts to the same Gem (or to none) less than
///    `sessionGap` (30 minutes) apart: a longer pause starts a new conversation.
///
/// A conversation's id is its link id, or `activity-<key of its first record>`, so importing a
/// newer export updates the same conversations. Each record gives a user message
/// (`<key>/prompt`) and its answers (`<key>/answer`); when it has several (regenerated), the last
/// is on the active branch and the others are kept beside it (`<key>/answer-1` …).
enum GeminiActivityLog {
    /// Verbs that mark a prompt.
    static let promptVerbs = ["Prompted", "Asked Gemini", "Asked", "Pokyn"]
    /// Verbs of records that are not conversation text.
    static let otherVerbs = [
        "Created", "Used", "Selected", "Gave feedback", "Added", "Deleted", "Shared", "Edited", "Updated",
        "Rated", "Viewed", "Opened", "Saved", "Cancelled", "Canceled", "Removed", "Connected", "Disconnected", "Turned",
    ]
    /// A pause longer than this between two prompts starts a new conversation.
    static let sessionGap: TimeInterval = 30 * 60

    /// A prompt ready to be placed in a conversation.
    struct Turn {
        var record: GeminiActivityRecord
        var prompt: String
    }

    /// The conversations the records hold, oldest first, and warnings about what was left out.
    static func conversations(from records: [GeminiActivityRecord], file: String) -> (
        [ParsedConversation], [ImportDiagnostic]
    ) {
        var diagnostics: [ImportDiagnostic] = []
        func warn(_ message: String) {
            diagnostics.append(ImportDiagnostic(severity: .warning, file: file, message: message))
        }
        let others = records.filter { !$0.isGemini }
        if !others.isEmpty {
            let products = Set(others.compactMap(\.product)).sorted().prefix(3).joined(separator: ", ")
            warn(
                "\(others.count) record(s) belong to other Google products\(products.isEmpty ? "" : " (\(products))") and were not imported"
            )
        }
        let (turns, leftOut) = turns(from: records.filter(\.isGemini))
        if !leftOut.isEmpty {
            let total = leftOut.values.reduce(0, +)
            let kinds = leftOut.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(4)
                .map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            warn("\(total) activity record(s) are not prompts (\(kinds)) and were not imported")
        }
        // Takeout lists the newest first; reversed, ties keep the order the prompts were written in.
        let ordered = turns.reversed().enumerated().sorted { a, b in
            chronological(a.element, b.element) || (!chronological(b.element, a.element) && a.offset < b.offset)
        }
        return (GeminiConversationGrouper.group(ordered.map(\.element)), diagnostics)
    }

    /// The prompts among the records, and how many records of each other verb were left out.
    static func turns(from records: [GeminiActivityRecord]) -> ([Turn], [String: Int]) {
        let guessed = guessedVerb(records)
        var turns: [Turn] = []
        var leftOut: [String: Int] = [:]
        for record in records {
            var verb = record.verb?.trimmingCharacters(in: CharacterSet(charactersIn: ": ")).nonBlank
            var rest = record.title
            if verb == nil,
                let known = knownVerb(startingAt: record.title) ?? guessed.flatMap({ starts(record.title, with: $0) })
            {
                verb = known.verb
                rest = known.rest
            }
            let isPrompt =
                verb.map { v in promptVerbs.contains { $0.caseInsensitiveCompare(v) == .orderedSame } } ?? false
            let isOther =
                verb.map { v in otherVerbs.contains { $0.caseInsensitiveCompare(v) == .orderedSame } } ?? false
            // The colon after a verb ("Asked: …") goes; one ending the prompt stays.
            let prompt = rest.drop { $0.isWhitespace || $0 == ":" }.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !isOther, isPrompt || !record.answers.isEmpty, !prompt.isEmpty || !record.answers.isEmpty else {
                let kind = verb ?? String(record.title.prefix { !$0.isWhitespace })
                leftOut[kind.isEmpty ? "untitled" : kind, default: 0] += 1
                continue
            }
            turns.append(Turn(record: record, prompt: prompt))
        }
        return (turns, leftOut)
    }

    /// Oldest first; records without a time come before all others.
    private static func chronological(_ a: Turn, _ b: Turn) -> Bool {
        switch (a.record.time, b.record.time) {
        case (let x?, let y?): x < y
        case (nil, _?): true
        default: false
        }
    }

    private static func knownVerb(startingAt title: String) -> (verb: String, rest: String)? {
        for verb in promptVerbs + otherVerbs {
            if let match = starts(title, with: verb) { return match }
        }
        return nil
    }

    /// The verb and the rest when `title` starts with `verb` as a whole word.
    private static func starts(_ title: String, with verb: String) -> (verb: String, rest: String)? {
        guard title.count >= verb.count, title.prefix(verb.count).caseInsensitiveCompare(verb) == .orderedSame else {
            return nil
        }
        let rest = title.dropFirst(verb.count)
        guard let next = rest.first else { return (verb, "") }
        guard next.isWhitespace || next == ":" else { return nil }
        return (verb, String(rest))
    }

    /// The first word most answered records share, when they share one: the prompt verb of a
    /// language Recall does not know.
    ///
    /// Needs three such records, and most of them to agree.
    private static func guessedVerb(_ records: [GeminiActivityRecord]) -> String? {
        let candidates = records.filter {
            $0.verb == nil && !$0.answers.isEmpty && knownVerb(startingAt: $0.title) == nil
        }
        guard candidates.count >= 3 else { return nil }
        var counts: [String: Int] = [:]
        for record in candidates {
            let word = record.title.prefix { !$0.isWhitespace && $0 != ":" }
            if !word.isEmpty { counts[String(word), default: 0] += 1 }
        }
        guard let (word, count) = counts.max(by: { $0.value < $1.value }), count * 10 >= candidates.count * 8 else {
            return nil
        }
        return word
    }
}
