/// Turns whatever a person or a model typed into FTS5 terms, safely.
///
/// Every term is quoted, so punctuation, `AND`/`OR`/`NEAR`, quotes, hyphens, emoji and a lone
/// `*` can never become FTS5 syntax. Terms are OR-ed and ranked by bm25: an implicit AND finds
/// almost nothing on real questions, where most words are absent from the turn that answers them.
public struct QueryTerms: Sendable, Equatable {
    /// The searchable words, lowercased, de-duplicated, in the order typed.
    public let terms: [String]

    /// At most this many terms go to FTS5; longer pastes keep their first words.
    public static let maximumTerms = 32

    /// Splits text into terms, dropping stop words unless nothing else is left.
    public init(_ text: String) {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var seen: Set<String> = []
        let unique = words.filter { seen.insert($0).inserted }
        let content = unique.filter { !StopWords.english.contains($0) }
        terms = Array((content.isEmpty ? unique : content).prefix(Self.maximumTerms))
    }

    /// True when nothing searchable was typed (empty, punctuation, a lone `*`).
    public var isEmpty: Bool { terms.isEmpty }

    /// The FTS5 MATCH expression: `"a" OR "b"`, or nil when there is nothing to match.
    public var matchExpression: String? {
        guard !terms.isEmpty else { return nil }
        return terms.map { "\"\($0)\"" }.joined(separator: " OR ")
    }
}
