/// Chinese, Japanese and Korean text has no spaces between words, so the word tokenizer sees a
/// whole sentence as one token.
///
/// Recall indexes such text a second time as single characters and
/// character pairs, which lets a one- or two-character query find it inside longer text.
public enum CJKGrams {
    /// True for scalars of the Han, Kana and Hangul blocks.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F, 0xFF66...0xFF9F, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// The maximal runs of CJK characters in a text.
    public static func runs(in text: String) -> [[Unicode.Scalar]] {
        var runs: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isCJK(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// What to index: every character and every adjacent pair, space-separated; nil without CJK.
    public static func indexText(_ text: String) -> String? {
        var grams: [String] = []
        for run in runs(in: text) {
            for (index, scalar) in run.enumerated() {
                grams.append(String(scalar))
                if index + 1 < run.count { grams.append(String(scalar) + String(run[index + 1])) }
            }
        }
        return grams.isEmpty ? nil : grams.joined(separator: " ")
    }

    /// What to search for: a lone character as itself, longer runs as their pairs.
    public static func queryTerms(_ text: String) -> [String] {
        var terms: [String] = []
        for run in runs(in: text) {
            if run.count == 1 {
                terms.append(String(run[0]))
            } else {
                for index in 0..<(run.count - 1) { terms.append(String(run[index]) + String(run[index + 1])) }
            }
        }
        var seen: Set<String> = []
        return terms.filter { seen.insert($0).inserted }
    }
}
