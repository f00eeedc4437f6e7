import Foundation
import NIOCore
import PostgresNIO

extension MemoryRecord {
    /// The columns `init(postgresRow:)` reads, in its order; `tags` as JSON text.
    static let postgresColumns = """
        id, content, normalized, type, confidence, tags::text, bucket, user_id, owner, memories_at, latitude, \
        longitude, metadata, image_ref, image_description, source_chat_id, source_message_id, pinned, created_at, \
        updated_at, supersedes, superseded_by, gist, slot, account
        """

    /// `postgresColumns` of the table aliased `alias`.
    static func postgresColumns(of alias: String) -> String {
        postgresColumns.split(separator: ",").map { alias + "." + $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: ", ")
    }

    /// A memory from a row of `postgresColumns`.
    init(postgresRow row: PostgresRow) throws {
        let (
            id, content, normalized, type, confidence, tags, bucket, userID, owner, memoriesAt, latitude, longitude,
            metadata, imageRef, imageDescription, sourceChat, sourceMessage, pinned, createdAt, updatedAt,
            supersedes, supersededBy, gist, slot, account
        ) = try row.decode(
            (
                Int64, String, String, String, Double, String, String?, String, String?, Date?, Double?, Double?,
                String?, String?, String?, Int64?, Int64?, Bool, Date, Date, Int64?, Int64?, String?, String?, String
            ).self)
        self.init(
            id: id, content: content, normalized: normalized, type: type, confidence: confidence, tags: tags,
            bucket: bucket, userId: userID, owner: owner, memoriesAt: memoriesAt, latitude: latitude,
            longitude: longitude, metadata: metadata, imageRef: imageRef, imageDescription: imageDescription,
            sourceChatId: sourceChat, sourceMessageId: sourceMessage, pinned: pinned, createdAt: createdAt,
            updatedAt: updatedAt, supersedes: supersedes, supersededBy: supersededBy, gist: gist, slot: slot,
            account: account)
    }
}

/// A memory's date as the memories table keeps it: whole milliseconds, rounded down.
///
/// The SQLite store's text form keeps the same, so both stores read back the same `Memory`. Encoded as the
/// exact microsecond count (postgres-nio's `Date` truncates a product of doubles, which can land
/// one microsecond short).
struct MemoryDate: PostgresNonThrowingEncodable {
    static var psqlType: PostgresDataType { .timestamptz }
    static var psqlFormat: PostgresFormat { .binary }

    /// Milliseconds since 1970, rounded down.
    let milliseconds: Int64

    /// The stored form of `date`.
    init(_ date: Date) {
        milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// Microseconds since 2000-01-01, PostgreSQL's timestamp epoch.
    func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger((milliseconds - 946_684_800_000) * 1000)
    }
}
