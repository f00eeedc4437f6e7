import Foundation

/// A search query split once into everything the indexes and the rankers look up.
///
/// `Recall.rankedHits` makes one from the query and passes it down: the word index reads
/// `terms` and `matchExpression`, the CJK gram index its gram terms, the speaker boost `names`,
/// and the meaning weight `hasExactToken`. Nothing below it splits the query again.
///
/// Every word is quoted in FTS5 expressions, so punctuation, `AND`/`OR`/`NEAR`, quotes, hyphens,
/// emoji and a lone `*` never become FTS5 syntax. Words are OR-ed and ranked by bm25: an implicit
/// AND finds almost nothing on real questions, where most words are absent from the turn that
/// answers them.
struct QueryTokens: Sendable, Equatable {
    /// At most this many words go to FTS5; longer pastes keep their first words.
    static let maximumWords = 32

    /// The searchable words, lowercased, de-duplicated, in the order typed; stop words are dropped
    /// unless nothing else is left.
    let words: [String]
    /// What to look up, one index read each: the words without CJK for the word index, and the
    /// character pairs (or lone characters) of CJK runs for the gram index.
    let terms: [SearchTerm]
    /// Every word of the query as typed, dates included and stop words kept (a speaker's name
    /// can be anything), to recognise a speaker it names.
    let names: Set<String>
    /// True when the query quotes a phrase or holds a token shaped like an identifier, which
    /// only words can find (see `FusionWeights.exactToken`).
    let hasExactToken: Bool

    /// The tokens of `query`, whose searchable words come from `text`: the query with the dates
    /// it names removed when dates rank by time, else the query itself.
    init(_ query: String, searching text: String) {
        var seen: Set<String> = []
        let unique = Self.allWords(in: text).filter { seen.insert($0).inserted }
        let content = unique.filter { !StopWords.english.contains($0) }
        words = Array((content.isEmpty ? unique : content).prefix(Self.maximumWords))
        let wordTerms = words.filter { word in !word.unicodeScalars.contains(where: CJKGrams.isCJK) }
        terms = wordTerms.map(SearchTerm.word) + CJKGrams.queryTerms(text).map(SearchTerm.gram)
        names = Set(Self.allWords(in: query))
        hasExactToken = Self.hasExactToken(query)
    }

    /// The tokens of a query searched as typed.
    init(_ query: String) {
        self.init(query, searching: query)
    }

    /// True when nothing searchable was typed (empty, punctuation, a lone `*`).
    var isEmpty: Bool { terms.isEmpty }

    /// The FTS5 MATCH expression of all the words, `"a" OR "b"`, for snippets; nil without words.
    var matchExpression: String? {
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"" }.joined(separator: " OR ")
    }

    /// The lowercased runs of letters and digits in a text, in order, repeats and stop words kept:
    /// the split every query word and speaker name gets.
    static func allWords(in text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// A quoted phrase, or a token with letters and digits (`nightowl42`, `v2.3`, `RCL-4821`),
    /// inner capitals (`PostgreSQL`, `iOS`) or underscores (`user_id`).
    private static func hasExactToken(_ query: String) -> Bool {
        if query.filter({ $0 == "\"" }).count >= 2 { return true }
        for token in query.split(whereSeparator: \.isWhitespace) {
            let word = token.trimmingCharacters(in: .punctuationCharacters)
            guard word.count >= 2 else { continue }
            let hasLetter = word.contains(where: \.isLetter)
            if hasLetter, word.contains(where: \.isNumber) { return true }
            if word.contains("_") { return true }
            if word.dropFirst().contains(where: \.isUppercase), word.contains(where: \.isLowercase) { return true }
        }
        return false
    }
}
