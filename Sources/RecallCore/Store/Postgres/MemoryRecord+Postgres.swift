import Foundation
import PostgresNIO

extension MemoryRecord {
    /// The columns `init(postgresRow:)` reads, in its order; `tags` as JSON text.
    static let postgresColumns = """
        id, content, normalized, type, confidence, tags::text, bucket, user_id, owner, memories_at, latitude, \
        longitude, metadata, image_ref, image_description, source_chat_id, source_message_id, pinned, created_at, \
        updated_at, supersedes, superseded_by, gist, slot, account
        """

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

extension MemoryRecord {
    /// The record with every text PostgreSQL can hold (see `PostgresText.storable`).
    var storableInPostgres: MemoryRecord {
        var record = self
        record.content = PostgresText.storable(content)
        record.normalized = PostgresText.storable(normalized)
        record.tags = PostgresText.storable(tags)
        record.bucket = PostgresText.storable(bucket)
        record.userId = PostgresText.storable(userId)
        record.owner = PostgresText.storable(owner)
        record.metadata = PostgresText.storable(metadata)
        record.imageRef = PostgresText.storable(imageRef)
        record.imageDescription = PostgresText.storable(imageDescription)
        record.gist = PostgresText.storable(gist)
        record.slot = PostgresText.storable(slot)
        return record
    }
}
