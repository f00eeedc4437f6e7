/// Which LoCoMo questions a keyword alone answers: every evidence turn contains a word of the
/// question (not a speaker's name, not a stop word, lightly stemmed) that at most `rareTurns`
/// turns of the conversation contain.
///
/// For these the lexical ranking already has a sharp signal,
/// and a ranking that adds meaning must never do worse on them.
struct KeywordQuestions {
    /// A word in at most this many turns of a conversation is rare enough to find its turn.
    static let rareTurns = 5

    private let turnWords: [String: Set<String>]
    private let turnCounts: [String: Int]
    private let words: ContentWords

    /// Reads a conversation's turns.
    init(_ sample: LoCoMoDataset.Sample) {
        words = ContentWords(subjects: sample.speakers)
        var turnWords: [String: Set<String>] = [:]
        var counts: [String: Int] = [:]
        for session in sample.sessions {
            for turn in session.turns {
                let found = words.of(turn.text)
                turnWords[turn.diaID] = found
                for word in found { counts[word, default: 0] += 1 }
            }
        }
        self.turnWords = turnWords
        turnCounts = counts
    }

    /// True when every evidence turn of the question holds one of its rare words.
    func isKeywordOnly(_ question: LoCoMoDataset.Question) -> Bool {
        let rare = words.of(question.text).filter { (turnCounts[$0] ?? 0) <= Self.rareTurns }
        let turns = question.evidence.compactMap { turnWords[$0] }
        return !turns.isEmpty && turns.allSatisfy { !$0.isDisjoint(with: rare) }
    }
}
