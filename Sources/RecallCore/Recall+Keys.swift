import Foundation

/// The HTTP server's API keys and request counters. Keys are hashed by the caller (the server
/// owns the hashing); the store only keeps records and hashes.
extension Recall {
    /// Stores a new key's record with the SHA-256 of the whole key.
    public func storeAPIKey(_ key: APIKey, hash: [UInt8]) throws {
        guard !key.account.isEmpty else { throw RecallError.invalid("user", "give a user name") }
        try database().insertKey(key, hash: hash)
    }

    /// Every key, oldest first, revoked ones included.
    public func apiKeys() throws -> [APIKey] {
        try database().keys()
    }

    /// One key's record and stored hash, or nil.
    public func apiKey(id: String) throws -> (key: APIKey, hash: [UInt8])? {
        try database().key(id: id)
    }

    /// Revokes a key; it is refused from the next request on.
    public func revokeAPIKey(id: String) throws -> APIKey {
        guard let key = try database().revokeKey(id: id, at: clock()) else {
            throw RecallError(.notFound, "No API key with id \(id). `recall keys list` shows the ids.")
        }
        return key
    }

    /// Counts one request of a key in each window (e.g.
    ///
    /// `minute:29446…`, `month:2026-12`) and
    /// returns the counts including this request. Counts are stored, so limits survive a restart.
    public func countRequest(keyID: String, windows: [String]) throws -> [Int] {
        try database().countRequest(keyID: keyID, windows: windows)
    }
}
