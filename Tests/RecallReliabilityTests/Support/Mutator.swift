import Foundation

/// A seeded source of randomness (SplitMix64): the same seed replays the same inputs.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Derives new inputs from seed inputs the way a fuzzer does: bit flips, boundary bytes,
/// deleted, repeated and spliced ranges, JSON tokens from a dictionary, and deep nesting.
struct Mutator {
    /// Tokens worth inserting: JSON syntax, edge-case values, and the vocabulary of the format.
    let dictionary: [[UInt8]]
    /// Inputs never grow past this, so one case stays cheap.
    var maximumSize = 256 * 1024

    private static let interestingBytes: [UInt8] = [
        0x00, 0x0A, 0x0D, 0x20, 0x22, 0x2C, 0x3A, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2,
        0xED, 0xEF, 0xF0, 0xF4, 0xFF,
    ]

    static let jsonTokens: [String] = [
        "null", "true", "false", "0", "-0", "-1", "1e309", "-1e309", "0.1e-400", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "1.7976931348623157e308", "\"\"", "\"\\u0000\"",
        "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\\"\"", "\"\\\\\"", "{}", "[]", "[{}]", "{\"\":null}", ",", ":", "\"",
        "\\", "\u{2028}", "\u{FEFF}", "é", "🗂", "\r\n", "\n",
    ]

    /// One input derived from `input` by one to four mutations; `others` feed splices.
    func mutate(_ input: [UInt8], others: [[UInt8]], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            bytes = mutateOnce(bytes, others: others, using: &random)
        }
        return bytes.count > maximumSize ? Array(bytes.prefix(maximumSize)) : bytes
    }

    private func mutateOnce(_ bytes: [UInt8], others: [[UInt8]], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<9, using: &random) {
        case 0 where !bytes.isEmpty:
            bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        case 1 where !bytes.isEmpty:
            bytes[position] = Self.interestingBytes.randomElement(using: &random) ?? 0
        case 2 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
            bytes.removeSubrange(position..<end)
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...256, using: &random))
            let copies = Int.random(in: 1...4, using: &random)
            bytes.insert(
                contentsOf: Array(repeating: Array(bytes[position..<end]), count: copies).joined(), at: position)
        case 4:
            bytes.insert(contentsOf: dictionary.randomElement(using: &random) ?? [], at: position)
        case 5:
            let other = others.randomElement(using: &random) ?? []
            let cut = other.isEmpty ? 0 : Int.random(in: 0..<other.count, using: &random)
            bytes = Array(bytes[..<position]) + other[cut...]
        case 6:
            bytes = Array(bytes[..<position])
        case 7:
            // Deep nesting: past any decoder's recursion limit, or just under it.
            let depth = [64, 511, 513, 5_000].randomElement(using: &random) ?? 64
            let open: UInt8 = Bool.random(using: &random) ? 0x5B : 0x7B
            bytes.insert(contentsOf: Array(repeating: open, count: depth), at: position)
        default:
            let token = Array((Self.jsonTokens.randomElement(using: &random) ?? "null").utf8)
            bytes.insert(contentsOf: token, at: position)
        }
        return bytes
    }
}
