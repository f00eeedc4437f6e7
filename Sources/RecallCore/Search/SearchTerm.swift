/// One thing to look up: a word for the word index, or a CJK gram for the gram index.
enum SearchTerm: Hashable, Sendable {
    case word(String)
    case gram(String)

    /// The terms of a query: its words (stop words dropped unless nothing else is left) and
    /// the character pairs of its CJK runs.
    static func terms(of query: String) -> [SearchTerm] {
        let words = QueryTerms(query).terms.filter { word in !word.unicodeScalars.contains(where: CJKGrams.isCJK) }
        return words.map(SearchTerm.word) + CJKGrams.queryTerms(query).map(SearchTerm.gram)
    }

    /// The FTS5 expression for this term alone (always quoted: user text never becomes syntax).
    var matchExpression: String {
        switch self {
        case .word(let word), .gram(let word): "\"\(word)\""
        }
    }
}
