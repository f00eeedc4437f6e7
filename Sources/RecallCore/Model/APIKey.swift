public import Foundation

/// An API key of the HTTP server, as stored: who it acts as and what it may do, never the key.
///
/// The key itself (`rk_<id>_<secret>`) is shown once when made; the store keeps its SHA-256.
public struct APIKey: Sendable, Equatable, Codable {
    /// What a key may do.
    public enum Scope: String, Sendable, Codable, CaseIterable {
        /// Reads only: search, list, show.
        case read
        /// Reads and changes: import, add, update, forget.
        case write
    }

    /// The public part of the key, unique, shown by `recall keys list`.
    public var id: String
    /// The account the key acts as (`Recall.account`).
    public var account: String
    /// What the key may do.
    public var scope: Scope
    /// When the key was made.
    public var createdAt: Date
    /// When the key was revoked; a revoked key is refused.
    public var revokedAt: Date?
    /// Requests allowed per minute; nil means the server's default.
    public var perMinute: Int?
    /// Requests allowed per calendar month (UTC); nil means the server's default.
    public var perMonth: Int?

    /// A key record.
    public init(
        id: String, account: String, scope: Scope, createdAt: Date, revokedAt: Date? = nil, perMinute: Int? = nil,
        perMonth: Int? = nil
    ) {
        self.id = id
        self.account = account
        self.scope = scope
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.perMinute = perMinute
        self.perMonth = perMonth
    }

    enum CodingKeys: String, CodingKey {
        case id, account, scope
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
        case perMinute = "per_minute"
        case perMonth = "per_month"
    }
}
