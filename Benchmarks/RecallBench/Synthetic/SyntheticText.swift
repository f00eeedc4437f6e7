import Foundation

/// Deterministic text with a natural word distribution: a few words are very common, most are
/// rare (Zipf), so full-text queries see realistic posting-list lengths.
struct SyntheticText {
    /// SplitMix64: fast, seeded, and the same sequence on every machine.
    struct Random: RandomNumberGenerator {
        private var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    /// The vocabulary, most common first.
    let words: [String]
    private let cumulative: [Double]
    var random: Random

    init(seed: UInt64, vocabularySize: Int = 30_000) {
        let common = """
            the to and of a in is you that it for i on with this be can have are as your my we or \
            not but at so if from about what do will an like just more one all how would there time \
            tea garden travel budget recipe python swift sqlite backup river mountain piano invoice \
            meeting project deadline holiday museum bicycle weather library novel dentist passport
            """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let syllables = [
            "ka", "lo", "mi", "ra", "ten", "vo", "shi", "del", "pra", "nu", "bel", "tor", "zan", "quo", "fi", "ger",
        ]
        var generated = common
        var index = 0
        while generated.count < vocabularySize {
            var word = ""
            var value = index
            repeat {
                word += syllables[value % syllables.count]
                value /= syllables.count
            } while value > 0
            generated.append(word)
            index += 1
        }
        words = generated
        var total = 0.0
        cumulative = (1...generated.count).map { rank in
            total += 1 / Double(rank)
            return total
        }
        random = Random(seed: seed)
    }

    /// One word, drawn by frequency.
    mutating func word() -> String {
        let target = Double.random(in: 0..<(cumulative.last ?? 1), using: &random)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return words[low]
    }

    /// `count` words separated by spaces.
    mutating func sentence(_ count: Int) -> String {
        (0..<count).map { _ in word() }.joined(separator: " ")
    }

    /// A query of one to three words of middling frequency, as people type them.
    mutating func query() -> String {
        let count = Int.random(in: 1...3, using: &random)
        return (0..<count).map { _ in words[Int.random(in: 40..<4_000, using: &random)] }.joined(separator: " ")
    }
}
