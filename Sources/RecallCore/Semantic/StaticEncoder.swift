import RecallModels

/// Turns text into a 256-dimension vector with the static table distilled from
/// all-MiniLM-L6-v2, which is compiled into the executable: no file, download or network.
///
/// A text's vector is the mean of its WordPiece tokens' rows, normalised to length 1, exactly as
/// model2vec's `StaticModel.encode` computes it (texts are cut to the first 512 tokens, after
/// a first cut to 512 × 6 characters). `recall-bench static` measures its speed.
///
/// ```swift
/// let encoder = StaticEncoder.shared
/// if let vector = encoder.encode("I adopted a kitten") {
///     store(vector.bytes, model: StaticEncoder.modelID)
/// }
/// ```
///
/// Text with no token the table knows (empty, whitespace, control characters, only emoji) has
/// no vector: ``encode(_:)`` returns nil, and such a text is simply not found by meaning.
public final class StaticEncoder: Sendable {
    /// Names the table; store it beside every vector and re-embed when it changes.
    public static let modelID = "static-minilm-256-v1"

    /// The encoder over the embedded table, parsed on first use (thread-safe, once per process).
    public static let shared = StaticEncoder(embedded: ())

    /// Why the table could not be read, if it could not; then ``encode(_:)`` returns nil for
    /// every text and search falls back to words alone.
    ///
    /// Only a broken build can cause it.
    public let problem: RecallError?

    private let table: StaticTable?
    private let tokenizer: WordPieceTokenizer?
    /// Keeps a table read from memory (not the embedded one) alive as long as the encoder.
    private let storage: OwnedBytes?

    /// The table compiled into the executable (read-only, lives as long as the process).
    static var embeddedTable: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: recall_static_model_bytes(), count: recall_static_model_size())
    }

    private init(embedded: Void) {
        (table, tokenizer, problem) = Self.load(Self.embeddedTable)
        storage = nil
    }

    /// An encoder over a table in the same format held in memory (tests, other builds).
    ///
    /// Throws when the bytes are not a valid table.
    public init(tableBytes: [UInt8]) throws {
        // The table reads its rows in place, so it points into a copy this object owns.
        let owned = OwnedBytes(tableBytes)
        storage = owned
        let (table, tokenizer, problem) = Self.load(UnsafeRawBufferPointer(owned.buffer))
        if let problem { throw problem }
        (self.table, self.tokenizer, self.problem) = (table, tokenizer, nil)
    }

    private static func load(_ bytes: UnsafeRawBufferPointer) -> (StaticTable?, WordPieceTokenizer?, RecallError?) {
        do {
            let table = try StaticTable(bytes: bytes)
            // model2vec's tokenizer keeps only [PAD] and [UNK] as tokens matched verbatim.
            let tokenizer = try WordPieceTokenizer(
                vocabulary: TokenVocabulary(utf8Tokens: table.tokens),
                unknownToken: table.unknownID.map { String(decoding: table.tokens[Int($0)], as: UTF8.self) } ?? "[UNK]",
                literalTokens: ["[PAD]", "[UNK]"])
            return (table, tokenizer, nil)
        } catch let error as RecallError {
            return (nil, nil, error)
        } catch {
            return (nil, nil, RecallError(.internalError, "the static embedding table could not be read: \(error)"))
        }
    }

    /// The number of tokens in the table's vocabulary (0 if it could not be read).
    public var vocabularySize: Int { table?.count ?? 0 }

    /// The vocabulary token with this id, for inspection.
    func token(_ id: Int32) -> String { tokenizer?.vocabulary.token(id) ?? "" }

    /// The vector of `text`, or nil when no token of it is in the vocabulary.
    ///
    /// Any text is
    /// accepted; past 512 tokens the rest is ignored, so a long text costs no more than that.
    public func encode(_ text: String) -> EmbeddingVector? {
        guard let table else { return nil }
        let ids = tokenIDs(text)
        guard !ids.isEmpty else { return nil }
        let chunks = EmbeddingVector.dimensions / 16
        var components = [Float](repeating: 0, count: EmbeddingVector.dimensions)
        withUnsafeTemporaryAllocation(of: SIMD16<Float>.self, capacity: chunks) { sums in
            guard let sum = sums.baseAddress else { return }
            sum.initialize(repeating: SIMD16<Float>(), count: chunks)
            for id in ids { table.accumulate(id, into: sum) }
            for chunk in 0..<chunks {
                for lane in 0..<16 { components[chunk * 16 + lane] = sum[chunk][lane] / Float(ids.count) }
            }
        }
        let vector = EmbeddingVector(quantizing: components)
        return vector.isZero ? nil : vector
    }

    /// The ids whose rows ``encode(_:)`` averages: the text cut as model2vec cuts it, tokenized,
    /// with `[UNK]` removed.
    public func tokenIDs(_ text: String) -> [Int32] {
        guard let table, let tokenizer else { return [] }
        let maxTokens = table.maxTokens > 0 ? table.maxTokens : nil
        var ids = tokenizer.encode(
            Self.prefix(of: text, scalars: table.maxTokens * table.medianTokenLength), maxTokens: maxTokens)
        if let unknown = table.unknownID { ids.removeAll { $0 == unknown } }
        return ids
    }

    /// The first `scalars` Unicode scalars of `text` (all of it when 0), like Python's `text[:n]`.
    static func prefix(of text: String, scalars: Int) -> String {
        guard scalars > 0, text.utf8.count > scalars else { return text }
        let view = text.unicodeScalars
        guard let end = view.index(view.startIndex, offsetBy: scalars, limitedBy: view.endIndex) else { return text }
        return String(view[..<end])
    }
}

/// A copy of some bytes at an address that never changes, freed with its owner.
final class OwnedBytes: @unchecked Sendable {
    // @unchecked: the buffer is written once in init and only read afterwards.
    let buffer: UnsafeMutableRawBufferPointer

    init(_ bytes: [UInt8]) {
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
    }

    deinit { buffer.deallocate() }
}
