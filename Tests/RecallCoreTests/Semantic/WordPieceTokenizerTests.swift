import Testing

@testable import RecallCore

@Suite struct WordPieceTokenizerTests {
    private let small = TokenVocabulary(tokens: [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "aff", "##a", "!", "cafe", "日",
    ])

    private func tokenizer(specials: Bool = false) throws -> WordPieceTokenizer {
        try WordPieceTokenizer(vocabulary: small, addsSpecialTokens: specials)
    }

    @Test func greedyLongestMatchWithContinuations() throws {
        #expect(try tokenizer().tokens("unaffable!") == ["un", "##aff", "##able", "!"])
        #expect(try tokenizer().tokens("UnAffa") == ["un", "##aff", "##a"])
    }

    @Test func aWordThatCannotBeSpelledIsOneUnknownToken() throws {
        #expect(try tokenizer().tokens("unaffx cafe") == ["[UNK]", "cafe"])
    }

    @Test func accentsAreStrippedAndIdeographsStandAlone() throws {
        #expect(try tokenizer().tokens("Café日un") == ["cafe", "日", "un"])
    }

    @Test func wordsPastTheLengthLimitAreUnknown() throws {
        let tokenizer = try WordPieceTokenizer(vocabulary: TokenVocabulary(tokens: ["[UNK]", "a", "##a"]))
        #expect(tokenizer.tokens(String(repeating: "a", count: 100)).count == 100)
        #expect(tokenizer.tokens(String(repeating: "a", count: 101)) == ["[UNK]"])
    }

    @Test func specialTokensFrameTheTextAndCountInTheLimit() throws {
        let tokenizer = try tokenizer(specials: true)
        #expect(tokenizer.tokens("un un un") == ["[CLS]", "un", "un", "un", "[SEP]"])
        #expect(tokenizer.tokens("un un un", maxTokens: 4) == ["[CLS]", "un", "un", "[SEP]"])
        #expect(tokenizer.tokens("") == ["[CLS]", "[SEP]"])
    }

    @Test func specialTokensWrittenInTheTextAreRecognisedVerbatim() throws {
        #expect(try tokenizer().tokens("un[SEP]cafe [sep]") == ["un", "[SEP]", "cafe", "[UNK]", "[UNK]", "[UNK]"])
    }

    @Test func aVocabularyWithoutTheUnknownTokenIsRefused() {
        #expect(throws: RecallError.self) { try WordPieceTokenizer(vocabulary: TokenVocabulary(tokens: ["a"])) }
        #expect(throws: RecallError.self) {
            try WordPieceTokenizer(vocabulary: TokenVocabulary(tokens: ["[UNK]", "a"]), addsSpecialTokens: true)
        }
    }

    @Test func lookupsCompareBytesNotCanonicalEquivalence() {
        let vocabulary = TokenVocabulary(tokens: ["[UNK]", "\u{E9}", "e\u{301}", "\u{E9}"])
        #expect(vocabulary.id(of: "\u{E9}") == 1)
        #expect(vocabulary.id(of: "e\u{301}") == 2)
        #expect(vocabulary.count == 4)
        #expect(vocabulary.id(of: "x") == nil)
    }

    @Test func matchesTheDistilledTokenizerOnEverySample() throws {
        let vocabulary = try #require(staticVocabulary())
        let tokenizer = try WordPieceTokenizer(
            vocabulary: TokenVocabulary(tokens: vocabulary), literalTokens: ["[PAD]", "[UNK]"])
        for sample in StaticReference.shared.samples {
            #expect(tokenizer.encode(sample.text) == sample.staticIDs, "\(sample.text.debugDescription.prefix(80))")
        }
    }

    @Test func matchesTheOriginalBertTokenizerWithSpecialTokens() throws {
        let vocabulary = StaticReference.bertVocabulary(from: try #require(staticVocabulary()))
        #expect(vocabulary.count == 30_522)
        let tokenizer = try WordPieceTokenizer(vocabulary: TokenVocabulary(tokens: vocabulary), addsSpecialTokens: true)
        for sample in StaticReference.shared.samples {
            #expect(tokenizer.encode(sample.text) == sample.bertIDs, "\(sample.text.debugDescription.prefix(80))")
        }
    }

    /// The embedded table's vocabulary, in id order.
    private func staticVocabulary() -> [String]? {
        let encoder = StaticEncoder.shared
        return encoder.vocabularySize > 0 ? (0..<Int32(encoder.vocabularySize)).map(encoder.token) : nil
    }
}
