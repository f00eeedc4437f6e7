/// The static embedding table read in place: the header and vocabulary are parsed once, the
/// rows and scales are read straight from the bytes (for the embedded table, the executable's
/// read-only pages, never copied).
///
/// Format: `Sources/RecallModels/README.md`.
struct StaticTable: @unchecked Sendable {
    // @unchecked: `base` points at bytes that never change and outlive the table (the
    // executable's own data, or a buffer the owning encoder keeps alive).

    static let magic = Array("RCLSTATV".utf8)
    static let formatVersion: UInt32 = 1
    static let headerSize = 48

    let base: UnsafeRawPointer
    let dimensions: Int
    let count: Int
    let unknownID: Int32?
    let maxTokens: Int
    let medianTokenLength: Int
    let scalesOffset: Int
    let rowsOffset: Int
    let tokens: [[UInt8]]

    /// Checks the header and every offset against the size, then reads the vocabulary.
    init(bytes: UnsafeRawBufferPointer) throws {
        func damaged(_ problem: String) -> RecallError {
            RecallError(.internalError, "the static embedding table is damaged: \(problem); rebuild Recall")
        }
        guard UInt32(1).littleEndian == 1 else {
            throw RecallError(.internalError, "the static embedding table is little-endian and this machine is not")
        }
        guard let base = bytes.baseAddress, bytes.count >= Self.headerSize else { throw damaged("it is too short") }
        guard bytes.prefix(8).elementsEqual(Self.magic) else { throw damaged("its magic number is wrong") }
        func field(_ index: Int) -> Int {
            Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 + 4 * index, as: UInt32.self)))
        }
        guard field(0) == Self.formatVersion else { throw damaged("format version \(field(0)) is not 1") }
        let dimensions = field(1)
        let count = field(2)
        let unknown = field(3)
        let vocabOffset = field(6)
        let vocabLength = field(7)
        let scalesOffset = field(8)
        let rowsOffset = field(9)
        guard dimensions == EmbeddingVector.dimensions else { throw damaged("it has \(dimensions) dimensions") }
        guard count > 0, vocabOffset >= Self.headerSize, vocabOffset + vocabLength <= scalesOffset,
            scalesOffset % 4 == 0, Int(bitPattern: base) % 4 == 0,
            rowsOffset == scalesOffset + 4 * count, rowsOffset + count * dimensions == bytes.count
        else { throw damaged("its sections do not fit its size (\(bytes.count) bytes)") }
        var tokens: [[UInt8]] = []
        tokens.reserveCapacity(count)
        var offset = vocabOffset
        let vocabEnd = vocabOffset + vocabLength
        while tokens.count < count {
            guard offset + 2 <= vocabEnd else { throw damaged("its vocabulary ends after \(tokens.count) tokens") }
            let length = Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
            guard offset + 2 + length <= vocabEnd else {
                throw damaged("token \(tokens.count) runs past the vocabulary")
            }
            tokens.append(Array(bytes[(offset + 2)..<(offset + 2 + length)]))
            offset += 2 + length
        }
        self.base = base
        self.dimensions = dimensions
        self.count = count
        self.unknownID = unknown == 0xFFFF_FFFF ? nil : Int32(unknown)
        if let id = unknownID, id >= count { throw damaged("its unknown-token id \(id) is out of range") }
        self.maxTokens = field(4)
        self.medianTokenLength = field(5)
        self.scalesOffset = scalesOffset
        self.rowsOffset = rowsOffset
        self.tokens = tokens
    }

    /// Adds `scale[id] * row[id]` to `sum`.
    ///
    /// A plain loop over the components, which the compiler vectorises (widening the bytes in
    /// registers); converting `SIMD16<Int8>` to floats went through a generic call per chunk.
    /// Each component gets the same multiply and add either way, so sums are bit-for-bit equal.
    func accumulate(_ id: Int32, into sum: UnsafeMutablePointer<SIMD16<Float>>) {
        let scale = base.load(fromByteOffset: scalesOffset + 4 * Int(id), as: Float32.self)
        let row = (base + rowsOffset + Int(id) * dimensions).assumingMemoryBound(to: Int8.self)
        UnsafeMutableRawPointer(sum).withMemoryRebound(to: Float.self, capacity: dimensions) { sums in
            for component in 0..<dimensions { sums[component] += scale * Float(row[component]) }
        }
    }
}
