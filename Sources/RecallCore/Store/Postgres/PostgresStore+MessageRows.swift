import Foundation
import NIOCore
import PostgresNIO

/// What a batch's writes did to the messages' word index, applied to `word_stats` once at its end.
struct PostgresWordTally {
    /// Rows added (negative: removed).
    var documents = 0
    /// Tokens added (negative: removed).
    var words = 0

    /// Applies the tally to `kind`'s row of `word_stats`.
    func apply(_ kind: String, on connection: PostgresConnection) throws {
        guard documents != 0 || words != 0 else { return }
        _ = try connection.run(
            "UPDATE word_stats SET documents = documents + \(documents), words = words + \(words) WHERE kind = \(kind)")
    }
}

/// The vectors a batch computed, by message source id, the model's row id, and whether the
/// store keeps pgvector embeddings beside the packed vectors.
typealias PostgresBatchVectors = (bySource: [String: PackedVector?], modelID: Int64, embeddings: Bool)

extension PostgresStore {
    /// How many messages one INSERT carries: a big chat is written in a few statements, not one
    /// per message, and no statement's parameter grows without bound.
    static let messageInsertChunk = 500

    /// Inserts messages with their word and gram index values in a few multi-row statements;
    /// returns their row ids by source id.
    static func insertMessages(
        _ records: [MessageRecord], index: PostgresIndexValues? = nil, tally: inout PostgresWordTally,
        on connection: PostgresConnection
    )
        throws -> [String: Int64]
    {
        var ids: [String: Int64] = [:]
        var start = 0
        while start < records.count {
            let chunk = records[start..<min(records.count, start + messageInsertChunk)]
            start += chunk.count
            let rows = chunk.map { record in
                PostgresMessageRow(
                    record, index: index?.values(content: record.content, attachmentText: record.attachmentText))
            }
            tally.documents += rows.count
            tally.words += rows.reduce(0) { $0 + $1.wordCount }
            // One jsonb parameter holds the rows: postgres-nio's arrays cannot hold NULLs.
            let json = PostgresMessageRow.json(rows)
            let result = try connection.run(
                """
                INSERT INTO messages (chat_id, source_id, parent_source_id, role, content, attachment_text, attachments,
                                      created_at, position, hidden, content_type, author, words, word_count, grams)
                SELECT x.chat_id, x.source_id, x.parent_source_id, x.role, x.content, x.attachment_text, x.attachments,
                       \(unescaped: PostgresMessageRow.dateSQL("x.created_us")), x.position, x.hidden, x.content_type,
                       x.author, COALESCE(x.words_vector::tsvector, \(unescaped: PostgresText.wordsSQL("x.main", "x.aside"))),
                       x.word_count, COALESCE(x.grams_vector::tsvector, \(unescaped: PostgresText.gramsSQL("x.grams")))
                FROM ROWS FROM (jsonb_to_recordset(\(json)::jsonb) AS (
                    chat_id bigint, source_id text, parent_source_id text, role text, content text, attachment_text text,
                    attachments text, created_us bigint, position integer, hidden boolean, content_type text, author text,
                    main text, aside text, word_count integer, grams text, words_vector text, grams_vector text)
                ) WITH ORDINALITY AS x(
                    chat_id, source_id, parent_source_id, role, content, attachment_text, attachments, created_us,
                    position, hidden, content_type, author, main, aside, word_count, grams, words_vector, grams_vector,
                    ordinality)
                ORDER BY x.ordinality
                RETURNING id, source_id
                """)
            for row in result.rows {
                let (id, sourceID) = try row.decode((Int64, String).self)
                ids[sourceID] = id
            }
        }
        return ids
    }

    /// Stores the batch's vectors of these messages (row id by source id); `replacing` removes
    /// older ones first, so a replaced vector gets a new, higher id that searches pick up as new.
    static func storeMessageVectors(
        _ rowIDs: [(sourceID: String, rowID: Int64)], vectors: PostgresBatchVectors?, replacing: Bool,
        on connection: PostgresConnection
    ) throws {
        guard let vectors else { return }
        var ids: [Int64] = []
        var bytes: [ByteBuffer] = []
        // With pgvector, the embeddings go along: every vector's values in one flat array, each
        // row naming where its own start (1-based; 0 for none). The server slices and casts them
        // in C, where converting the packed bytes row by row took a sixth of an import.
        var values: [Int32] = []
        var starts: [Int32] = []
        for item in rowIDs {
            guard let entry = vectors.bySource[item.sourceID] else { continue }
            ids.append(item.rowID)
            bytes.append(ByteBuffer(bytes: entry?.bytes ?? []))
            guard vectors.embeddings, let vector = entry else {
                starts.append(0)
                continue
            }
            starts.append(Int32(values.count + 1))
            values += vector.bytes.dropLast(4).map { Int32(Int8(bitPattern: $0)) }
        }
        guard !ids.isEmpty else { return }
        if replacing { _ = try connection.run("DELETE FROM message_vectors WHERE message_id = ANY(\(ids))") }
        guard vectors.embeddings else {
            _ = try connection.run(
                """
                INSERT INTO message_vectors (message_id, model_id, vector)
                SELECT u.id, \(vectors.modelID), u.vector FROM unnest(\(ids)::bigint[], \(bytes)::bytea[]) WITH ORDINALITY AS u(id, vector, n)
                ORDER BY u.n
                """)
            return
        }
        _ = try connection.run(
            """
            INSERT INTO message_vectors (message_id, model_id, vector, embedding)
            SELECT u.id, \(vectors.modelID), u.vector,
                   CASE WHEN u.start > 0 THEN (v.all_values[u.start:u.start + length(u.vector) - 5])::vector END
            FROM unnest(\(ids)::bigint[], \(bytes)::bytea[], \(starts)::integer[]) WITH ORDINALITY AS u(id, vector, start, n),
                 (SELECT \(values)::integer[] AS all_values) AS v
            ORDER BY u.n
            """)
    }

    /// The row id of a vector model, made on first use.
    static func importVectorModelID(_ name: String, on connection: PostgresConnection) throws -> Int64 {
        let result = try connection.run(
            """
            WITH found AS (SELECT id FROM vector_models WHERE name = \(name)),
            made AS (INSERT INTO vector_models (name) SELECT \(name) WHERE NOT EXISTS (SELECT 1 FROM found) RETURNING id)
            SELECT id FROM found UNION ALL SELECT id FROM made
            """)
        guard let row = result.rows.first else {
            throw RecallError(.storeUnavailable, "The store could not record the vector model \(name).")
        }
        return try row.decode(Int64.self)
    }

    /// Merges a newer export's messages into a stored chat: new ones inserted, changed ones
    /// rewritten (their index values and vectors too), ones it no longer has moved off the
    /// active branch (position NULL), so nothing already stored is lost.
    static func mergeMessages(
        _ messages: [ParsedMessage], into chatID: Int64, vectors: PostgresBatchVectors?, index: PostgresIndexValues?,
        tally: inout PostgresWordTally, on connection: PostgresConnection
    ) throws -> (added: Int, updated: Int) {
        var stored: [String: (record: MessageRecord, wordCount: Int)] = [:]
        let rows = try connection.run(
            "SELECT \(unescaped: MessageRecord.postgresColumns()), word_count FROM messages WHERE chat_id = \(chatID)"
        ).rows
        for row in rows {
            let record = try MessageRecord(postgres: row)
            stored[record.sourceId] = (record, try PostgresRandomAccessRow(row)[13].decode(Int.self))
        }
        var fresh: [MessageRecord] = []
        var rewritten: [(sourceID: String, rowID: Int64)] = []
        var updated = 0
        for parsed in messages {
            var record = MessageRecord(parsed, chatID: chatID).storableInPostgres
            guard let old = stored.removeValue(forKey: parsed.sourceID) else {
                fresh.append(record)
                continue
            }
            record.id = old.record.id
            let rowID = old.record.id ?? 0
            // The index is rebuilt only for new text (as SQLite's full-text rows are).
            if old.record.content != record.content || old.record.attachmentText != record.attachmentText {
                let words = record.postgresWords
                tally.words += words.count - old.wordCount
                try rewrite(record, words: words, on: connection)
                if old.record.searchText != record.searchText { rewritten.append((parsed.sourceID, rowID)) }
                updated += 1
            } else if !old.record.matches(record) {
                try rewrite(record, words: nil, on: connection)
                updated += 1
            }
        }
        let inserted = try insertMessages(fresh, index: index, tally: &tally, on: connection)
        try storeMessageVectors(
            fresh.compactMap { record in inserted[record.sourceId].map { (record.sourceId, $0) } }, vectors: vectors,
            replacing: false, on: connection)
        try storeMessageVectors(rewritten, vectors: vectors, replacing: true, on: connection)
        // Messages a newer export no longer has stay stored, off the active branch.
        let gone = stored.values.compactMap(\.record.id)
        if !gone.isEmpty {
            _ = try connection.run("UPDATE messages SET position = NULL WHERE id = ANY(\(gone))")
        }
        return (fresh.count, updated)
    }

    /// Writes a stored message's columns anew, and its index values when `words` is given.
    private static func rewrite(_ record: MessageRecord, words: PostgresText.Words?, on connection: PostgresConnection)
        throws
    {
        let id = record.id ?? 0
        // Without new text the index values are written back as they are.
        let reindex = words != nil
        let words = words ?? PostgresText.Words(main: "", aside: nil)
        _ = try connection.run(
            """
            UPDATE messages SET parent_source_id = \(record.parentSourceId), role = \(record.role),
                content = \(record.content), attachment_text = \(record.attachmentText),
                attachments = \(record.attachments), created_at = \(record.createdAt), position = \(record.position),
                hidden = \(record.hidden), content_type = \(record.contentType), author = \(record.author),
                words = CASE WHEN v.reindex THEN \(unescaped: PostgresText.wordsSQL("v.main", "v.aside")) ELSE messages.words END,
                word_count = CASE WHEN v.reindex THEN v.word_count ELSE messages.word_count END,
                grams = CASE WHEN v.reindex THEN \(unescaped: PostgresText.gramsSQL("v.grams")) ELSE messages.grams END
            FROM (SELECT \(reindex)::boolean AS reindex, \(words.main)::text AS main, \(words.aside)::text AS aside,
                         \(words.count)::integer AS word_count, \(words.grams)::text AS grams) v
            WHERE id = \(id)
            """)
    }
}
