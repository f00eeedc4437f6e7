/// A short hash that stays the same across runs and machines (Swift's `Hasher` is seeded per
/// process), for keys derived from content when an export gives no id.
enum StableHash {
    /// 64-bit FNV-1a over the parts' UTF-8, each part followed by a NUL, as 16 hex digits.
    static func hex(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
