import Foundation

/// One message as a multi-row INSERT carries it in a jsonb parameter: the columns, and the text
/// the word and gram indexes are built from.
///
/// Encoded with snake-case keys, the SQL column names `jsonb_to_recordset` reads; a nil is left
/// out and reads as NULL.
struct PostgresMessageRow: Encodable {
    var chatId: Int64
    var sourceId: String
    var parentSourceId: String?
    var role: String
    var content: String
    var attachmentText: String?
    var attachments: String?
    /// `created_at` in microseconds since 2000-01-01 UTC, cut as postgres-nio binds a `Date`.
    var createdUs: Int64?
    var position: Int?
    var hidden: Bool
    var contentType: String?
    var author: String?
    var main: String
    var aside: String
    var wordCount: Int
    var grams: String
    /// The `words` value made ahead (see `PostgresIndexValues`); main and aside are then empty.
    var wordsVector: String?
    /// The `grams` value made ahead; `grams` is then empty.
    var gramsVector: String?

    /// The row of a message record, with its index values when they were made ahead.
    init(_ record: MessageRecord, index: PostgresIndexValues.Values? = nil) {
        let words = index == nil ? record.postgresWords : PostgresText.Words.empty
        chatId = record.chatId
        sourceId = record.sourceId
        parentSourceId = record.parentSourceId
        role = record.role
        content = record.content
        attachmentText = record.attachmentText
        attachments = record.attachments
        createdUs = record.createdAt.map(Self.microseconds)
        position = record.position
        hidden = record.hidden
        contentType = record.contentType
        author = record.author
        main = words.main
        aside = words.aside
        wordCount = index?.wordCount ?? words.count
        grams = words.grams
        wordsVector = index?.words
        gramsVector = index?.grams
    }

    /// Rows as the jsonb parameter of a multi-row INSERT.
    static func json(_ rows: [PostgresMessageRow]) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(rows) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// PostgreSQL's epoch, from which timestamps count.
    private static let epoch = Date(timeIntervalSince1970: 946_684_800)

    /// A date as postgres-nio sends it: whole microseconds since 2000, truncated.
    static func microseconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince(epoch) * 1_000_000)
    }

    /// The SQL turning a microseconds column back into a timestamptz, exactly (whole seconds and
    /// the rest apart, so no double loses a microsecond on dates far from 2000).
    static func dateSQL(_ column: String) -> String {
        "('2000-01-01 00:00:00+00'::timestamptz + (\(column) / 1000000) * interval '1 second' + (\(column) % 1000000) * interval '1 microsecond')"
    }
}
