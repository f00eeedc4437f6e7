/// One thing to look up: a word for the word index, or a CJK gram for the gram index.
///
/// A query's terms come from `QueryTokens`.
enum SearchTerm: Hashable, Sendable {
    /// A lowercased word for the word index.
    case word(String)
    /// A character or character pair of a CJK run for the gram index.
    case gram(String)

    /// The FTS5 expression for this term alone (always quoted: user text never becomes syntax).
    var matchExpression: String {
        switch self {
        case .word(let word), .gram(let word): "\"\(word)\""
        }
    }
}
