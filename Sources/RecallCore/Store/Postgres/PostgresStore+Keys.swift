import Foundation
import NIOCore
import PostgresNIO

/// API keys and their request counters. Keys belong to the server, not to an account's data,
/// so these calls ignore `account`.
extension PostgresStore {
    /// The columns `apiKey(_:)` reads, in its order, and the hash.
    private static let keyColumns = "id, account, scope, created_at, revoked_at, per_minute, per_month, hash"

    /// Stores a new key's record and hash.
    func insertKey(_ key: APIKey, hash: [UInt8]) throws {
        try write { connection in
            _ = try connection.run(
                """
                INSERT INTO api_keys (id, account, scope, hash, created_at, per_minute, per_month)
                VALUES (\(key.id), \(key.account), \(key.scope.rawValue), \(ByteBuffer(bytes: hash)), \(key.createdAt),
                        \(key.perMinute), \(key.perMonth))
                """)
        }
    }

    /// Every key, oldest first.
    func keys() throws -> [APIKey] {
        try read { connection in
            try connection.run("SELECT \(unescaped: Self.keyColumns) FROM api_keys ORDER BY created_at, id").rows.map {
                try Self.apiKey($0).key
            }
        }
    }

    /// One key and its stored hash.
    func key(id: String) throws -> (key: APIKey, hash: [UInt8])? {
        try read { connection in
            try connection.run("SELECT \(unescaped: Self.keyColumns) FROM api_keys WHERE id = \(id)").rows.first.map(
                Self.apiKey)
        }
    }

    /// Marks a key revoked; nil when no key has that id.
    func revokeKey(id: String, at date: Date) throws -> APIKey? {
        try write { connection in
            try connection.run(
                """
                UPDATE api_keys SET revoked_at = COALESCE(revoked_at, \(date)) WHERE id = \(id)
                RETURNING \(unescaped: Self.keyColumns)
                """
            ).rows.first.map { try Self.apiKey($0).key }
        }
    }

    /// Adds one request to each window's counter and returns the new counts, in order.
    ///
    /// Counters of windows other than these are dropped, so the table stays small. Each count is
    /// one atomic upsert, so servers counting the same key at once never lose a request.
    func countRequest(keyID: String, windows: [String]) throws -> [Int] {
        try write { connection in
            _ = try connection.run(
                "DELETE FROM rate_usage WHERE key_id = \(keyID) AND NOT (\"window\" = ANY(\(windows)))")
            return try windows.map { window in
                try connection.run(
                    """
                    INSERT INTO rate_usage (key_id, "window", count) VALUES (\(keyID), \(window), 1)
                    ON CONFLICT (key_id, "window") DO UPDATE SET count = rate_usage.count + 1 RETURNING count
                    """
                ).rows.first?.decode(Int.self) ?? 0
            }
        }
    }

    private static func apiKey(_ row: PostgresRow) throws -> (key: APIKey, hash: [UInt8]) {
        let (id, account, scope, createdAt, revokedAt, perMinute, perMonth, hash) = try row.decode(
            (String, String, String, Date, Date?, Int?, Int?, ByteBuffer).self)
        let key = APIKey(
            id: id, account: account, scope: APIKey.Scope(rawValue: scope) ?? .read, createdAt: createdAt,
            revokedAt: revokedAt, perMinute: perMinute, perMonth: perMonth)
        return (key, Array(hash.readableBytesView))
    }
}
