/// The transformer's weights read in place from a file in the `minilm-l6-v1.bin` format
/// (`Sources/RecallModels/README.md`): the header and vocabulary are parsed and every tensor's
/// size and alignment checked once; the int8 matrices are then read straight from the bytes (for
/// the embedded model, the executable's read-only pages, never copied).
package struct TransformerModel: @unchecked Sendable {
    // @unchecked: the pointers reach bytes that never change and outlive the model (the
    // executable's own data, or a buffer the owning encoder keeps alive).

    static let magic = Array("RCLTRNSF".utf8)
    static let formatVersion: UInt32 = 1
    static let headerSize = 64

    /// Features per token.
    let hidden: Int
    /// Attention heads per layer.
    let heads: Int
    /// Width of the feed-forward layer.
    let intermediate: Int
    /// Position embeddings the model has.
    let positions: Int
    /// Tokens per text the model was trained with, [CLS] and [SEP] included.
    package let maxTokens: Int
    /// The vocabulary in id order (`vocab.txt`), as UTF-8 bytes.
    package let tokens: [[UInt8]]
    /// One int8 row per vocabulary token, each with its scale (no bias).
    let wordEmbeddings: DenseLayer
    /// `positions` × `hidden` Float32, widened from the file's half floats.
    let positionEmbeddings: [Float]
    /// The embedding of token type 0, the only type a single text uses.
    let tokenTypeEmbedding: [Float]
    /// The LayerNorm after the embeddings.
    let embeddingNorm: LayerNorm
    /// The encoder layers, first to last.
    let layers: [TransformerLayer]

    /// Checks the header, then walks every tensor, checking it fits in `bytes`.
    package init(bytes: UnsafeRawBufferPointer) throws {
        guard UInt32(1).littleEndian == 1 else {
            throw TransformerModelError("the transformer model is little-endian and this machine is not")
        }
        guard bytes.count >= Self.headerSize, bytes.prefix(8).elementsEqual(Self.magic) else {
            throw ModelReader.damaged("its magic number is wrong")
        }
        guard let base = bytes.baseAddress, Int(bitPattern: base) % 16 == 0 else {
            throw ModelReader.damaged("it is not aligned to 16 bytes in memory")
        }
        func field(_ index: Int) -> Int {
            Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 + 4 * index, as: UInt32.self)))
        }
        guard field(0) == Self.formatVersion else { throw ModelReader.damaged("format version \(field(0)) is not 1") }
        let hidden = field(1)
        let layerCount = field(2)
        let heads = field(3)
        let intermediate = field(4)
        let vocabularySize = field(5)
        let positions = field(6)
        let tokenTypes = field(7)
        let maxTokens = field(8)
        let epsilon = Float(bitPattern: UInt32(truncatingIfNeeded: field(9)))
        let vocabularyOffset = field(10)
        let vocabularyLength = field(11)
        let weightsOffset = field(12)
        guard field(13) == bytes.count else {
            throw ModelReader.damaged("it says \(field(13)) bytes but has \(bytes.count)")
        }
        guard hidden > 0, hidden % 16 == 0, intermediate > 0, intermediate % 16 == 0, heads > 0,
            hidden % heads == 0, (hidden / heads) % 16 == 0, (1...64).contains(layerCount),
            vocabularySize > 0, tokenTypes > 0, maxTokens >= 2, maxTokens <= positions,
            epsilon.isFinite, epsilon >= 0
        else { throw ModelReader.damaged("its dimensions are inconsistent") }

        var reader = ModelReader(bytes: bytes, offset: vocabularyOffset)
        tokens = try reader.vocabulary(count: vocabularySize, length: vocabularyLength)
        reader = ModelReader(bytes: bytes, offset: weightsOffset)
        wordEmbeddings = try reader.dense(inputs: hidden, outputs: vocabularySize, hasBias: false)
        positionEmbeddings = try reader.halfFloats(positions * hidden)
        tokenTypeEmbedding = Array(try reader.halfFloats(tokenTypes * hidden).prefix(hidden))
        embeddingNorm = try reader.layerNorm(width: hidden, epsilon: epsilon)
        var layers: [TransformerLayer] = []
        for _ in 0..<layerCount {
            layers.append(
                TransformerLayer(
                    heads: heads,
                    query: try reader.dense(inputs: hidden, outputs: hidden),
                    key: try reader.dense(inputs: hidden, outputs: hidden),
                    value: try reader.dense(inputs: hidden, outputs: hidden),
                    attentionOutput: try reader.dense(inputs: hidden, outputs: hidden),
                    attentionNorm: try reader.layerNorm(width: hidden, epsilon: epsilon),
                    intermediate: try reader.dense(inputs: hidden, outputs: intermediate),
                    output: try reader.dense(inputs: intermediate, outputs: hidden),
                    outputNorm: try reader.layerNorm(width: hidden, epsilon: epsilon)))
        }
        guard reader.atEnd else { throw ModelReader.damaged("it has bytes after its last layer") }
        self.hidden = hidden
        self.heads = heads
        self.intermediate = intermediate
        self.positions = positions
        self.maxTokens = maxTokens
        self.layers = layers
    }
}
