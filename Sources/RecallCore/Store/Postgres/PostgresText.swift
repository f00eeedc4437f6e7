import Foundation
import PostgresNIO

/// How the PostgreSQL store indexes text, in one place, so writes and searches agree.
///
/// The word index holds the text folded by Recall (lowercase, no diacritics, as SQLite's
/// `unicode61 remove_diacritics` reads it) and stemmed by the `recall_words` configuration; the
/// content is weighted A, attachment text or an image description B (bm25's column weights
/// 1.0 and 0.6). The gram index holds CJK character and pair grams (`CJKGrams`).
enum PostgresText {
    /// Text PostgreSQL can hold: it refuses the NUL character (SQLSTATE 22P05) that SQLite keeps,
    /// so a NUL in an export becomes U+FFFD rather than failing the import's whole batch.
    static func storable(_ text: String) -> String {
        text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    /// Text that may be absent, made storable.
    static func storable(_ text: String?) -> String? { text.map(storable) }

    /// Text as the word index and the query terms read it.
    static func folded(_ text: String) -> String {
        // ASCII has no diacritics and folds to lower case: most chat text, without Foundation.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// `CharacterSet.alphanumerics`, made once: the property builds a new set on each read.
    private static let alphanumerics = CharacterSet.alphanumerics

    /// Tokens in a text: bm25's document length (letters and digits runs, as unicode61 splits).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWord =
                scalar.isASCII
                ? (0x30...0x39).contains(value) || (0x61...0x7A).contains(value | 0x20)
                : alphanumerics.contains(scalar)
            if isWord, !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }

    /// The `words` value of a row from its two columns' text: use as
    /// `\(words.main), \(words.aside)` bound into `wordsSQL`.
    struct Words {
        /// The main column, folded.
        var main: String
        /// The secondary column (attachment text, image description), folded; empty when none.
        var aside: String
        /// Tokens in both.
        var count: Int
        /// CJK grams of both, space-separated; empty when none.
        var grams: String

        /// No text.
        static let empty = Words(main: "", aside: nil)

        /// The index values of a row's text.
        init(main: String, aside: String?) {
            self.main = PostgresText.folded(main)
            self.aside = aside.map(PostgresText.folded) ?? ""
            count = PostgresText.wordCount(main) + (aside.map(PostgresText.wordCount) ?? 0)
            grams = CJKGrams.indexText(main + " " + (aside ?? "")) ?? ""
        }
    }

    /// The SQL that builds `words` from two bound texts (main, aside).
    ///
    /// For example `wordsSQL("$1", "$2")` with the folded main text bound first.
    static func wordsSQL(_ main: String, _ aside: String) -> String {
        "setweight(to_tsvector('recall_words', \(main)), 'A') || setweight(to_tsvector('recall_words', \(aside)), 'B')"
    }

    /// The SQL that builds `grams` from one bound text.
    static func gramsSQL(_ grams: String) -> String { "to_tsvector('simple', \(grams))" }

    /// The query of one search term: a word stemmed like the index, a gram as it is.
    static func querySQL(_ term: SearchTerm, bound: String) -> (column: String, query: String) {
        switch term {
        case .word: ("words", "plainto_tsquery('recall_words', \(bound))")
        case .gram: ("grams", "plainto_tsquery('simple', \(bound))")
        }
    }

    /// The text bound for a search term.
    static func queryText(_ term: SearchTerm) -> String {
        switch term {
        case .word(let word): folded(word)
        case .gram(let gram): gram
        }
    }
}
