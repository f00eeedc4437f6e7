import Foundation
import GRDB

/// API keys and their request counters. Keys belong to the server, not to an account's data,
/// so these calls ignore `account`.
extension RecallDatabase {
    /// Stores a new key's record and hash.
    func insertKey(_ key: APIKey, hash: [UInt8]) throws {
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO api_keys (id, account, scope, hash, created_at, per_minute, per_month) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    key.id, key.account, key.scope.rawValue, Data(hash), key.createdAt, key.perMinute, key.perMonth,
                ])
        }
    }

    /// Every key, oldest first.
    func keys() throws -> [APIKey] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM api_keys ORDER BY created_at, id").map(Self.key) }
    }

    /// One key and its stored hash.
    func key(id: String) throws -> (key: APIKey, hash: [UInt8])? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM api_keys WHERE id = ?", arguments: [id]) else {
                return nil
            }
            return (Self.key(row), [UInt8](row["hash"] as Data))
        }
    }

    /// Marks a key revoked; nil when no key has that id.
    func revokeKey(id: String, at date: Date) throws -> APIKey? {
        try write { db in
            try db.execute(
                sql: "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?", arguments: [date, id])
            return try Row.fetchOne(db, sql: "SELECT * FROM api_keys WHERE id = ?", arguments: [id]).map(Self.key)
        }
    }

    /// Adds one request to each window's counter and returns the new counts, in order.
    ///
    /// Counters of windows other than these are dropped, so the table stays small.
    func countRequest(keyID: String, windows: [String]) throws -> [Int] {
        try write { db in
            try db.execute(
                sql:
                    "DELETE FROM rate_usage WHERE key_id = ? AND window NOT IN (\(SQLText.placeholders(windows.count)))",
                arguments: StatementArguments([keyID] + windows))
            return try windows.map { window in
                try db.execute(
                    sql:
                        "INSERT INTO rate_usage (key_id, window, count) VALUES (?, ?, 1) ON CONFLICT (key_id, window) DO UPDATE SET count = count + 1",
                    arguments: [keyID, window])
                return try Int.fetchOne(
                    db, sql: "SELECT count FROM rate_usage WHERE key_id = ? AND window = ?", arguments: [keyID, window])
                    ?? 0
            }
        }
    }

    private static func key(_ row: Row) -> APIKey {
        APIKey(
            id: row["id"], account: row["account"], scope: APIKey.Scope(rawValue: row["scope"]) ?? .read,
            createdAt: row["created_at"], revokedAt: row["revoked_at"], perMinute: row["per_minute"],
            perMonth: row["per_month"])
    }
}
