/// How BERT's normaliser and pre-tokenizer (Hugging Face `tokenizers`, `BertNormalizer` and
/// `BertPreTokenizer`) classify a Unicode scalar.
///
/// ASCII is decided here; everything else by the
/// tables read off the library (`BertCharacterTables`), not by Swift's own Unicode data, which
/// is newer and would split or drop characters the model's tokenizer keeps.
enum BertCharacters {
    /// Dropped by `clean_text`: NUL, U+FFFD, control, format and private-use characters, but
    /// not tab, newline and carriage return, which become spaces.
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0x7F: return true
        case 0x20..<0x7F: return false
        default: return contains(BertCharacterTables.removed, scalar.value)
        }
    }

    /// Made a space by `clean_text`, and where the pre-tokenizer splits.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20: return true
        case 0x00..<0x80: return false
        default: return contains(BertCharacterTables.whitespace, scalar.value)
        }
    }

    /// Split off as a token of its own: ASCII punctuation and symbols, and Unicode punctuation.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 33...47, 58...64, 91...96, 123...126: return true
        case 0..<0x80: return false
        default: return contains(BertCharacterTables.punctuation, scalar.value)
        }
    }

    /// The CJK ideograph blocks that BERT surrounds with spaces, so each is a word of its own.
    static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
            0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Removed after NFD when accents are stripped (non-spacing marks).
    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && contains(BertCharacterTables.nonspacingMarks, scalar.value)
    }

    /// Binary search in sorted, disjoint ranges.
    private static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count
        while low < high {
            let middle = (low + high) / 2
            if table[middle].upperBound < value {
                low = middle + 1
            } else if table[middle].lowerBound > value {
                high = middle
            } else {
                return true
            }
        }
        return false
    }
}
