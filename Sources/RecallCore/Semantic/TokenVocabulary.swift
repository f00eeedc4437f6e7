/// A token -> id map keyed by the tokens' UTF-8 bytes, as the Hugging Face tokenizers compare them.
///
/// Swift's `String` equality follows canonical equivalence ("é" == "e\u{301}"); a tokenizer's
/// vocabulary does not, so lookups here compare bytes. It is an open-addressing table over one
/// byte buffer, so the WordPiece loop looks pieces up without building a `String` for each.
///
/// ```swift
/// let vocabulary = TokenVocabulary(tokens: ["[PAD]", "[UNK]", "hello", "##s"])
/// vocabulary.id(of: "hello")   // 2
/// ```
public struct TokenVocabulary: Sendable {
    /// Every token's bytes, one after another.
    private let storage: [UInt8]
    /// Where token `id` starts in `storage`; `starts[id + 1]` is where it ends.
    private let starts: [Int32]
    /// Token ids by hash; -1 marks an empty slot.
    ///
    /// Its size is a power of two.
    private let slots: [Int32]
    /// The longest token, in bytes: pieces longer than this cannot match.
    public let longestToken: Int

    /// The number of tokens.
    public var count: Int { starts.count - 1 }

    /// A vocabulary whose ids are the tokens' positions (the order of a `vocab.txt`).
    ///
    /// A token listed twice keeps its first id, as the later copy could never be produced.
    public init(tokens: [String]) {
        self.init(utf8Tokens: tokens.map { Array($0.utf8) })
    }

    /// A vocabulary from raw UTF-8 tokens, ids by position.
    public init(utf8Tokens: [[UInt8]]) {
        var storage: [UInt8] = []
        storage.reserveCapacity(utf8Tokens.reduce(0) { $0 + $1.count })
        var starts: [Int32] = [0]
        starts.reserveCapacity(utf8Tokens.count + 1)
        var longest = 0
        for token in utf8Tokens {
            storage.append(contentsOf: token)
            starts.append(Int32(storage.count))
            longest = max(longest, token.count)
        }
        var capacity = 16
        while capacity < utf8Tokens.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        storage.withUnsafeBufferPointer { bytes in
            for id in 0..<utf8Tokens.count {
                let token = UnsafeBufferPointer(rebasing: bytes[Int(starts[id])..<Int(starts[id + 1])])
                var slot = Int(truncatingIfNeeded: Self.hash(prefix: false, token)) & mask
                var duplicate = false
                while slots[slot] >= 0 {
                    let other = slots[slot]
                    if bytes[Int(starts[Int(other)])..<Int(starts[Int(other) + 1])].elementsEqual(token) {
                        duplicate = true
                        break
                    }
                    slot = (slot + 1) & mask
                }
                if !duplicate { slots[slot] = Int32(id) }
            }
        }
        self.storage = storage
        self.starts = starts
        self.slots = slots
        self.longestToken = longest
    }

    /// The id of `token`, or nil when the vocabulary lacks it.
    public func id(of token: String) -> Int32? {
        var token = token
        return token.withUTF8 { lookUp(continuation: false, $0) }
    }

    /// The token with this id.
    public func token(_ id: Int32) -> String {
        String(decoding: storage[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])], as: UTF8.self)
    }

    /// The id of `piece`, or of `##` + `piece` when `continuation` is true; nil when absent.
    func lookUp(continuation: Bool, _ piece: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(prefix: continuation, piece)) & mask
        let length = piece.count + (continuation ? 2 : 0)
        return storage.withUnsafeBufferPointer { bytes in
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                let start = Int(starts[Int(id)])
                if Int(starts[Int(id) + 1]) - start == length {
                    var candidate = start
                    var equal = true
                    if continuation {
                        equal = bytes[start] == 0x23 && bytes[start + 1] == 0x23
                        candidate += 2
                    }
                    if equal {
                        for index in 0..<piece.count where bytes[candidate + index] != piece[index] {
                            equal = false
                            break
                        }
                    }
                    if equal { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// FNV-1a over the bytes, optionally preceded by "##", so a continuation is hashed in place.
    private static func hash(prefix: Bool, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        if prefix {
            hash = (hash ^ 0x23) &* 0x100_0000_01b3
            hash = (hash ^ 0x23) &* 0x100_0000_01b3
        }
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
