import PostgresNIO

/// The word and gram index values of a batch's message texts, made while the batch is
/// prepared, so the write transaction that stores it (holding every server's write lock) only
/// reads them back instead of parsing and stemming the text.
///
/// Made by the server on another connection: the same `to_tsvector` the insert would run, so the
/// stored values are the same; a text missing here is indexed by the insert as before.
struct PostgresIndexValues: Sendable {
    /// One text's values, in tsvector's text form, and its word count.
    struct Values: Sendable {
        var words: String
        var grams: String
        var wordCount: Int
    }

    private var values: [Key: Values] = [:]

    private struct Key: Hashable {
        var main: String
        var aside: String?
    }

    /// The values of a message's text (its content and attachment text), when made.
    func values(content: String, attachmentText: String?) -> Values? {
        values[Key(main: content, aside: attachmentText)]
    }

    /// The values of these messages' texts, made in one statement on `connection`.
    static func make(_ messages: [MessageRecord], on connection: PostgresConnection) throws -> PostgresIndexValues {
        var result = PostgresIndexValues()
        var keys: [Key] = []
        var seen: Set<Key> = []
        var mains: [String] = []
        var asides: [String] = []
        var grams: [String] = []
        var counts: [Int] = []
        for record in messages {
            let key = Key(main: record.content, aside: record.attachmentText)
            guard seen.insert(key).inserted else { continue }
            let words = record.postgresWords
            keys.append(key)
            mains.append(words.main)
            asides.append(words.aside)
            grams.append(words.grams)
            counts.append(words.count)
        }
        guard !keys.isEmpty else { return result }
        let rows = try connection.run(
            """
            SELECT (\(unescaped: PostgresText.wordsSQL("u.main", "u.aside")))::text,
                   (\(unescaped: PostgresText.gramsSQL("u.grams")))::text
            FROM unnest(\(mains)::text[], \(asides)::text[], \(grams)::text[]) WITH ORDINALITY AS u(main, aside, grams, n)
            ORDER BY u.n
            """
        ).rows
        for (index, row) in rows.enumerated() where index < keys.count {
            let (words, gramValues) = try row.decode((String, String).self)
            result.values[keys[index]] = Values(words: words, grams: gramValues, wordCount: counts[index])
        }
        return result
    }
}
