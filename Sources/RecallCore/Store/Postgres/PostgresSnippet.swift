import Foundation
import PostgresNIO

/// Snippets around a query's words, as SQLite's `snippet()` makes them: the words marked `**`,
/// from the column they matched in, or nil when the row holds none of them.
enum PostgresSnippet {
    /// The words of an FTS5 expression `QueryTokens.matchExpression` made (`"a" OR "b"`).
    ///
    /// The store's interface passes that expression; each quoted word holds letters and digits
    /// only (`QueryTokens.allWords`), so reading it back is splitting it.
    static func words(of expression: String) -> [String] {
        expression.components(separatedBy: " OR ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            .filter { !$0.isEmpty }
    }

    /// The `to_tsquery` text of the words OR-ed, folded as the index is; nil without words.
    ///
    /// Each word is quoted, so nothing in it is read as query syntax, and stemmed by the
    /// configuration; a word that becomes several lexemes is their phrase.
    static func queryText(_ expression: String) -> String? {
        let quoted = words(of: expression).map { word in
            let clean = String(PostgresText.folded(word).unicodeScalars.filter(CharacterSet.alphanumerics.contains))
            return clean.isEmpty ? nil : "'" + clean + "'"
        }.compactMap { $0 }
        return quoted.isEmpty ? nil : quoted.joined(separator: " | ")
    }

    /// The SQL of a row's snippet (text, or NULL for the caller's fallback), binding the query.
    ///
    /// `row` names the row with `words`, `main` and `aside` columns. The snippet comes from the
    /// main text when its words (weight A) match, else from the aside (B), as `snippet()` with
    /// column -1 picks the column that matched. `ts_headline` reads the stored text, which is not
    /// folded: a word matched only through its diacritics is found but left unmarked.
    static func sql(
        words: String?, conditions: inout PostgresConditions, row: String, main: String, aside: String, maxWords: Int
    ) -> String {
        guard let words, let text = queryText(words) else { return "NULL::text" }
        let configuration = PostgresSchema.wordsConfiguration
        let query = "to_tsquery('\(configuration)', \(conditions.bind(text)))"
        let options = "'StartSel=**, StopSel=**, MaxFragments=1, MaxWords=\(maxWords), MinWords=\(maxWords / 3)'"
        // A text no longer than the snippet is shown whole, as FTS5's snippet() shows it:
        // ts_headline's fragment would drop its first short words and its final punctuation.
        func headline(_ text: String) -> String {
            """
            CASE WHEN cardinality(regexp_split_to_array(btrim(\(text)), '\\s+')) <= \(maxWords)
                THEN ts_headline('\(configuration)', \(text), \(query), 'StartSel=**, StopSel=**, HighlightAll=true')
                ELSE ts_headline('\(configuration)', \(text), \(query), \(options)) END
            """
        }
        return """
            CASE WHEN NOT (\(row).words @@ \(query)) THEN NULL
                WHEN ts_filter(\(row).words, '{a}') @@ \(query) THEN \(headline("\(row).\(main)"))
                ELSE \(headline("COALESCE(\(row).\(aside), '')")) END
            """
    }
}
