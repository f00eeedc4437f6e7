import Crypto
public import Foundation
public import RecallCore

/// Making and checking API keys.
///
/// A key reads `rk_<id>_<secret>`: the id finds the stored record,
/// the SHA-256 of the whole key is compared with the stored hash in constant time, and the key
/// itself is never stored.
public enum APIKeySecret {
    /// Makes a key for `account`, stores its record and hash, and returns the key (shown once).
    public static func create(
        in recall: Recall, account: String, scope: APIKey.Scope, perMinute: Int? = nil, perMonth: Int? = nil,
        now: Date = Date()
    ) throws -> (key: APIKey, secret: String) {
        let id = randomToken(bytes: 6)
        let secret = "rk_\(id)_\(randomToken(bytes: 24))"
        let key = APIKey(
            id: id, account: account, scope: scope, createdAt: now, perMinute: perMinute, perMonth: perMonth)
        try recall.storeAPIKey(key, hash: hash(secret))
        return (key, secret)
    }

    /// The stored key a presented secret belongs to, or nil for an unknown, wrong or revoked key.
    public static func verify(_ secret: String, in recall: Recall) throws -> APIKey? {
        let parts = secret.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "rk", !parts[1].isEmpty else { return nil }
        guard let stored = try recall.apiKey(id: String(parts[1])) else { return nil }
        // Compared in full whatever the contents, so timing tells nothing about the stored hash.
        guard constantTimeEqual(hash(secret), stored.hash), stored.key.revokedAt == nil else { return nil }
        return stored.key
    }

    /// SHA-256 of the key's UTF-8 bytes.
    static func hash(_ secret: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(secret.utf8)))
    }

    /// True when both byte strings are equal, taking the same time wherever they differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// URL-safe random characters from the system's secure generator.
    private static func randomToken(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        // 62 symbols: about 5.95 bits each, so 4/3 as many symbols as bytes keeps the entropy.
        return String(
            (0..<(bytes * 4 / 3 + 1)).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
