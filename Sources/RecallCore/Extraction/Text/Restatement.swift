import Foundation

/// An assistant's explicit restatement of something the user said ("As you mentioned, you're
/// vegetarian"), turned back into the user's own clause ("I'm vegetarian").
///
/// Only what follows one of the markers counts, up to the end of that clause: what an assistant
/// says without attributing it to the user is general knowledge or advice, not a fact about them.
struct Restatement: Sendable {
    /// Phrases that attribute the clause after them to the user; the match is removed.
    let markers: NSRegularExpression
    /// Second-person words and their first-person forms ("your" → "my").
    let words: [String: String]
    /// The second-person subject at the start of a clause and its first-person form ("you" → "I").
    let subject: [String: String]
    /// Verbs right after the subject that change with it ("are" → "am").
    let verbs: [String: String]

    /// Where the restated clause ends.
    let clauseEnds: Set<Character>
    /// Lowercase phrases one of which every marker contains: an assistant's message holding none
    /// restates nothing, and is not read further (most are long and never do).
    let needles: [[UInt8]]

    /// Creates a restatement rule; `markers` is a case-insensitive pattern matched at a word start.
    init(
        markers: String, needles: [String], words: [String: String], subject: [String: String], verbs: [String: String],
        clauseEnds: Set<Character> = [",", ";", ":"]
    ) {
        self.needles = needles.map { Array($0.utf8) }
        // A literal; `LiteralRegex` records one that does not compile and a test fails on it.
        self.markers = LiteralRegex.compile(
            "(?<![\\p{L}'])(?:" + markers + ")", options: [.caseInsensitive])
        self.clauseEnds = clauseEnds
        self.words = words
        self.subject = subject
        self.verbs = verbs
    }

    /// Whether a text may hold a marker: one of the needles occurs in it, ASCII letters lowercased.
    func mayOccur(in text: String) -> Bool {
        let lower = text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }
        return ByteSearch.containsAny(needles, in: lower)
    }

    /// The user's own clause restated in a sentence, or nil when the sentence attributes nothing to the user.
    func userClause(in sentence: String) -> String? {
        let range = NSRange(sentence.startIndex..., in: sentence)
        guard let found = markers.firstMatch(in: sentence, range: range), let matched = Range(found.range, in: sentence)
        else { return nil }
        let rest = sentence[matched.upperBound...]
        var words = rest.prefix { !clauseEnds.contains($0) }.split(separator: " ").map(String.init)
        guard let first = words.first, let subjectForm = subject[first.lowercased()] else { return nil }
        words[0] = subjectForm
        if words.count > 1, let verb = verbs[words[1].lowercased()] { words[1] = verb }
        for index in words.indices.dropFirst() {
            if let replacement = self.words[words[index].lowercased()] { words[index] = replacement }
        }
        return words.joined(separator: " ")
    }
}
