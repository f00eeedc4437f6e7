/// How BERT's normaliser and pre-tokenizer (Hugging Face `tokenizers`, `BertNormalizer` and
/// `BertPreTokenizer`) classify a Unicode scalar. The Rust originals read the general category
/// from their own Unicode tables; these read Swift's, which agree on every scalar the vocabulary
/// can spell (the tokenizer tests compare them).
enum BertCharacters {
    /// Dropped by `clean_text`: NUL, U+FFFD, and "other" scalars (Cc, Cf, Cn, Co, Cs) except
    /// tab, newline and carriage return, which count as whitespace.
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0x7F: return true
        case 0x20..<0x7F: return false
        case 0xFFFD: return true
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .unassigned, .privateUse, .surrogate: return true
            default: return false
            }
        }
    }

    /// Whitespace for `clean_text` and the pre-tokenizer: tab, newline, return and White_Space.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20: return true
        case 0x00..<0x80: return scalar.value == 0x0B || scalar.value == 0x0C
        default: return scalar.properties.isWhitespace
        }
    }

    /// Split off as a token of its own: ASCII punctuation and symbols, and categories P*.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 33...47, 58...64, 91...96, 123...126: return true
        case 0..<0x80: return false
        default:
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default:
                return false
            }
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

    /// Removed after NFD when accents are stripped (category Mn).
    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark
    }
}
