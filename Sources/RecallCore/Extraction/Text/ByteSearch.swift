/// Substring search over UTF-8 bytes: clause boundaries are looked up many times per message,
/// and Foundation's `range(of:)` costs far more than the search itself.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` at or after `start`, or nil.
    static func first(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard let head = needle.first, needle.count <= haystack.count else { return nil }
        var index = max(0, start)
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == head {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// Whether any of `needles` occurs in `haystack`.
    static func containsAny(_ needles: [[UInt8]], in haystack: [UInt8]) -> Bool {
        needles.contains { first($0, in: haystack) != nil }
    }
}
