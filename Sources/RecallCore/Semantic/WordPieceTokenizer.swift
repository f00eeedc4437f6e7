import Foundation

/// BERT's uncased WordPiece tokenizer, as the `tokenizer.json` of all-MiniLM-L6-v2 defines it.
///
/// Text is cleaned (control and format characters dropped, whitespace unified), CJK ideographs
/// are spaced apart, accents are stripped (NFD, then non-spacing marks removed), letters are
/// lower-cased; the result splits on whitespace and punctuation, and each word becomes the
/// longest vocabulary pieces from its start (later pieces spelled `##piece`). A word that cannot
/// be spelled, or is longer than ``maxInputCharactersPerWord``, becomes `[UNK]`. Special tokens
/// written in the text itself (`[SEP]`, `[MASK]`…) are recognised before any of that, as in
/// Hugging Face `tokenizers`.
///
/// It works with any vocabulary: the static table's own, or the transformer's 30,522 tokens.
///
/// ```swift
/// let tokenizer = try WordPieceTokenizer(vocabulary: vocabulary, addsSpecialTokens: true)
/// let ids = tokenizer.encode("Héllo, world!", maxTokens: 256)   // [CLS] hello , world ! [SEP]
/// ```
public struct WordPieceTokenizer: Sendable {
    /// The token -> id map.
    public let vocabulary: TokenVocabulary
    /// The id of `[UNK]`, given to words the vocabulary cannot spell.
    public let unknownID: Int32
    /// The ids put around every text when ``addsSpecialTokens`` is true.
    public let classID: Int32?, separatorID: Int32?
    /// Whether ``encode(_:maxTokens:)`` adds `[CLS]` first and `[SEP]` last.
    public let addsSpecialTokens: Bool
    /// Words with more Unicode scalars than this become `[UNK]` (BERT: 100).
    public let maxInputCharactersPerWord: Int
    /// Special tokens matched verbatim in the input, longest first.
    let literalTokens: [(bytes: [UInt8], id: Int32)]

    /// A tokenizer over `vocabulary`; throws when a named special token is missing from it.
    ///
    /// `addsSpecialTokens` is true for the transformer (`[CLS] … [SEP]`), false for static
    /// vectors. `literalTokens` are special tokens recognised when they appear in the text
    /// itself; the ones missing from the vocabulary are ignored.
    public init(
        vocabulary: TokenVocabulary,
        unknownToken: String = "[UNK]",
        classToken: String = "[CLS]",
        separatorToken: String = "[SEP]",
        addsSpecialTokens: Bool = false,
        literalTokens: [String] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"],
        maxInputCharactersPerWord: Int = 100
    ) throws {
        guard let unknown = vocabulary.id(of: unknownToken) else {
            throw RecallError(.invalidArgument, "the vocabulary has no unknown token \(unknownToken)")
        }
        let cls = vocabulary.id(of: classToken)
        let sep = vocabulary.id(of: separatorToken)
        if addsSpecialTokens && (cls == nil || sep == nil) {
            throw RecallError(
                .invalidArgument,
                "the vocabulary lacks \(classToken) or \(separatorToken), which the tokenizer must add")
        }
        self.vocabulary = vocabulary
        self.unknownID = unknown
        self.classID = cls
        self.separatorID = sep
        self.addsSpecialTokens = addsSpecialTokens
        self.maxInputCharactersPerWord = maxInputCharactersPerWord
        self.literalTokens = literalTokens.compactMap { token in
            vocabulary.id(of: token).map { (Array(token.utf8), $0) }
        }.sorted { $0.bytes.count > $1.bytes.count }
    }

    /// The token ids of `text`, at most `maxTokens` of them (special tokens included), keeping
    /// the first ones as Hugging Face truncation does.
    ///
    /// Never fails: text it cannot spell is `[UNK]`.
    public func encode(_ text: String, maxTokens: Int? = nil) -> [Int32] {
        let special = addsSpecialTokens ? 2 : 0
        let limit = maxTokens.map { max(0, $0 - special) } ?? Int.max
        var ids: [Int32] = []
        if addsSpecialTokens, let classID { ids.append(classID) }
        var sink = TokenSink(limit: limit)
        var scratch = WordPieceScratch()
        forEachSegment(of: text) { segment in
            switch segment {
            case .literal(let id): sink.append(id)
            case .text(let bytes): encodeText(bytes, into: &sink, scratch: &scratch)
            }
            return !sink.isFull
        }
        ids.append(contentsOf: sink.ids)
        if addsSpecialTokens, let separatorID { ids.append(separatorID) }
        return ids
    }

    /// The tokens of `text` as strings (`["hello", "##s"]`), for inspection and tests.
    public func tokens(_ text: String, maxTokens: Int? = nil) -> [String] {
        encode(text, maxTokens: maxTokens).map(vocabulary.token)
    }
}

/// Collects ids up to a limit.
struct TokenSink {
    let limit: Int
    var ids: [Int32] = []
    var isFull: Bool { ids.count >= limit }
    mutating func append(_ id: Int32) { if ids.count < limit { ids.append(id) } }
}

/// Buffers reused across the words of one text.
struct WordPieceScratch {
    var normalized: [UInt8] = []
    var pieces: [Int32] = []
}
