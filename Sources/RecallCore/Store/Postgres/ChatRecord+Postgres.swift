import Foundation
import PostgresNIO

extension ChatRecord {
    /// The columns `init(postgres:)` reads, in its order.
    static let postgresColumns = """
        id, platform, source_id, title, title_override, created_at, updated_at, pinned, bucket, tags::text, import_id,
        message_count, token_count, content_hash, metadata, account, fingerprint
        """

    /// A chat from a row of `SELECT \(postgresColumns) FROM chats`.
    init(postgres row: PostgresRow) throws {
        let (
            id, platform, sourceID, title, titleOverride, createdAt, updatedAt, pinned, bucket, tags, importID,
            messageCount, tokenCount, contentHash, metadata, account, fingerprint
        ) = try row.decode(
            (
                Int64, String, String, String?, String?, Date?, Date?, Bool, String?, String, Int64?, Int, Int, String,
                String, String, String?
            ).self)
        self.init(
            id: id, platform: platform, sourceId: sourceID, title: title, titleOverride: titleOverride,
            createdAt: createdAt, updatedAt: updatedAt, pinned: pinned, bucket: bucket, tags: tags,
            importId: importID, messageCount: messageCount, tokenCount: tokenCount, contentHash: contentHash,
            metadata: metadata, account: account, fingerprint: fingerprint)
    }
}
