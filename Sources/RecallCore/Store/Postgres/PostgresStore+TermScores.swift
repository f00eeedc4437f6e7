import Foundation
import PostgresNIO

extension PostgresStore {
    /// Each matching visible message's bm25 score for one term (best `limit`), keyed by its place.
    ///
    /// A term found in more than `scanLimit` messages is scored on its `scanLimit` most recently
    /// stored matches only, as the SQLite store does: bm25 costs a row read per match, and a word
    /// that common carries little weight, so a million-message store still answers quickly.
    func messageTermScores(_ term: SearchTerm, filters: SearchFilters, limit: Int, scanLimit: Int) throws
        -> [MessageKey: Double]
    {
        var conditions = try PostgresConditions.messages(filters, account: account)
        // Each match's chat looked up as the scan meets it (OFFSET 0 keeps the subquery whole):
        // joined any other way, the planner reads every match of a common word, then sorts.
        let chatPerMessage = "CROSS JOIN LATERAL (SELECT * FROM chats c WHERE c.id = m.chat_id OFFSET 0) c"
        let sql = Self.termScoresSQL(
            term, table: "messages", alias: "m", join: chatPerMessage,
            keys: ["chat_id", "position"],
            stats: Self.statsKind(term, messages: true), conditions: &conditions, limit: limit, scanLimit: scanLimit)
        return try read { connection in
            var scores: [MessageKey: Double] = [:]
            for row in try connection.run(conditions.query(sql)).rows {
                let (chatID, position, score) = try row.decode((Int64, Int, Double).self)
                scores[MessageKey(chatID: chatID, position: position)] = score
            }
            return scores
        }
    }

    /// Each matching current memory's bm25 score for one term (best `limit` of the newest
    /// `scanLimit` matches, as for messages), keyed by row id.
    func memoryTermScores(_ term: SearchTerm, filters: SearchFilters, limit: Int, scanLimit: Int) throws -> [Int64:
        Double]
    {
        var conditions = try PostgresConditions.memories(filters, account: account)
        let sql = Self.termScoresSQL(
            term, table: "memories", alias: "mem", join: "", keys: ["id"], stats: Self.statsKind(term, messages: false),
            conditions: &conditions, limit: limit, scanLimit: scanLimit)
        return try read { connection in
            var scores: [Int64: Double] = [:]
            for row in try connection.run(conditions.query(sql)).rows {
                let (id, score) = try row.decode((Int64, Double).self)
                scores[id] = score
            }
            return scores
        }
    }

    /// The `word_stats` row holding N and the total length for a term's index.
    private static func statsKind(_ term: SearchTerm, messages: Bool) -> String {
        switch term {
        case .word: messages ? "messages" : "memories"
        case .gram: messages ? "message_grams" : "memory_grams"
        }
    }

    /// One statement scoring a term as SQLite FTS5's `bm25` does (k1 1.2, b 0.75, the content
    /// weighted 1.0 and the secondary text 0.6), returning `keys` and `score`, best first.
    ///
    /// FTS5 reads N, the average length and n (rows holding the term) over the whole index,
    /// whatever the filters; so does this: N and the total length from `word_stats`, n from the
    /// unfiltered matches. n is counted exactly when the term matches at most `scanLimit` rows.
    /// Past that, counting a common word's matches would read a large share of the table, so n
    /// is estimated from the id span its newest `scanLimit + 1` matches cover: those rows are
    /// that share of the span's rows, and the span holds about `span / last id` of all rows
    /// (ids are dense but for deletions, which thin every span alike). A common word's idf is
    /// small and flat in n, so the estimate moves its score little.
    ///
    /// A term's lexemes are what the index's configuration makes of it. A term that becomes no
    /// lexeme matches nothing (an empty result); one that becomes several matches the rows holding
    /// them all (`plainto_tsquery`'s AND), its frequency in a row that of its rarest part.
    private static func termScoresSQL(
        _ term: SearchTerm, table: String, alias: String, join: String, keys: [String], stats: String,
        conditions: inout PostgresConditions, limit: Int, scanLimit: Int
    ) -> String {
        let text = conditions.bind(PostgresText.queryText(term))
        let (column, query) = PostgresText.querySQL(term, bound: text)
        let configuration =
            switch term {
            case .word: PostgresSchema.wordsConfiguration
            case .gram: "simple"
            }
        // Grams have no stored length: a row's is its grams, counted from its vector.
        let length =
            switch term {
            case .word: "s.word_count"
            case .gram: "(SELECT COALESCE(sum(cardinality(u.positions)), 0) FROM unnest(s.grams) u)"
            }
        let scan = conditions.bind(scanLimit)
        let best = conditions.bind(limit)
        return """
            WITH term AS MATERIALIZED (
                SELECT array(SELECT lexeme FROM unnest(to_tsvector('\(configuration)', \(text)))) AS lexemes
            ), newest AS (
                SELECT \(alias).id FROM \(table) \(alias) WHERE \(alias).\(column) @@ \(query) ORDER BY \(alias).id DESC LIMIT \(scan) + 1
            ), figures AS MATERIALIZED (
                SELECT w.documents::float8 AS total,
                    CASE WHEN w.documents > 0 AND w.words > 0 THEN w.words::float8 / w.documents ELSE 1 END AS average,
                    f.hits::float8 AS hits,
                    (f.hits::float8 * (SELECT max(id) FROM \(table)) / ((SELECT max(id) FROM \(table)) - f.oldest + 1)) AS spread
                FROM word_stats w, (SELECT count(*) AS hits, min(id) AS oldest FROM newest) f WHERE w.kind = '\(stats)'
            ), weight AS (
                SELECT average, CASE WHEN ratio > 1 THEN ln(ratio) ELSE 1e-6 END AS idf FROM (
                    SELECT average, (total - n + 0.5) / (n + 0.5) AS ratio FROM (
                        SELECT average, total,
                            CASE WHEN hits <= \(scan) THEN hits ELSE least(total, greatest(hits, spread)) END AS n
                        FROM figures
                    ) counted
                ) odds
            ), scanned AS MATERIALIZED (
                SELECT \(keys.map { "\(alias).\($0)" }.joined(separator: ", ")), \(alias).\(column), \(alias).word_count
                FROM \(table) \(alias) \(join)
                WHERE \(alias).\(column) @@ \(query) AND \(conditions.sql) ORDER BY \(alias).id DESC LIMIT \(scan)
            ), frequencies AS MATERIALIZED (
                SELECT s.*, \(length)::float8 AS length, (
                    SELECT COALESCE(min(part), 0) FROM (
                        SELECT sum(CASE w WHEN 'B' THEN 0.6 ELSE 1.0 END)::float8 AS part
                        FROM unnest(s.\(column)) u CROSS JOIN unnest(u.weights) w, term
                        WHERE u.lexeme = ANY (term.lexemes) GROUP BY u.lexeme
                    ) parts
                ) AS frequency
                FROM scanned s
            )
            SELECT \(keys.map { "f.\($0)" }.joined(separator: ", ")),
                weight.idf * f.frequency * 2.2 / (f.frequency + 1.2 * (0.25 + 0.75 * f.length / weight.average)) AS score
            FROM frequencies f, weight ORDER BY score DESC LIMIT \(best)
            """
    }
}
