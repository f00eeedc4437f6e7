/// Walks the tensors of a transformer model file in order, checking that each one lies inside
/// the file and starts on a 64-byte boundary, and hands back pointers into the bytes.
package struct ModelReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(bytes: UnsafeRawBufferPointer, offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    /// The error for a model file that does not hold what its header says.
    static func damaged(_ problem: String) -> TransformerModelError {
        TransformerModelError("the transformer model is damaged: \(problem); rebuild Recall")
    }

    /// True when every tensor has been read and only the final padding remains.
    var atEnd: Bool { (offset + 63) / 64 * 64 >= bytes.count }

    /// The next section of `length` bytes, after padding to 64 bytes.
    private mutating func take(_ length: Int, _ what: @autoclosure () -> String) throws -> UnsafeRawPointer {
        let start = (offset + 63) / 64 * 64
        guard length >= 0, start >= offset, start <= bytes.count - length, let base = bytes.baseAddress else {
            throw Self.damaged("\(what()) runs past its end")
        }
        offset = start + length
        return base + start
    }

    /// `count` tokens, each a 16-bit length and its UTF-8 bytes, filling exactly `length` bytes.
    mutating func vocabulary(count: Int, length: Int) throws -> [[UInt8]] {
        let start = try take(length, "the vocabulary")
        let section = UnsafeRawBufferPointer(start: start, count: length)
        var tokens: [[UInt8]] = []
        tokens.reserveCapacity(count)
        var position = 0
        while tokens.count < count {
            guard position + 2 <= length else { throw Self.damaged("its vocabulary ends after \(tokens.count) tokens") }
            let size = Int(UInt16(littleEndian: section.loadUnaligned(fromByteOffset: position, as: UInt16.self)))
            guard position + 2 + size <= length else {
                throw Self.damaged("token \(tokens.count) runs past the vocabulary")
            }
            tokens.append(Array(section[(position + 2)..<(position + 2 + size)]))
            position += 2 + size
        }
        guard position == length else { throw Self.damaged("its vocabulary has bytes after token \(count)") }
        return tokens
    }

    /// An int8 matrix, its scales, and (unless `hasBias` is false) its biases.
    mutating func dense(inputs: Int, outputs: Int, hasBias: Bool = true) throws -> DenseLayer {
        let weights = try take(inputs * outputs, "a \(outputs) × \(inputs) matrix")
        let scales = try floats(outputs)
        return DenseLayer(
            inputs: inputs, outputs: outputs, weights: weights.assumingMemoryBound(to: Int8.self),
            scales: scales, bias: hasBias ? try floats(outputs) : nil)
    }

    /// A LayerNorm's weights, then its biases.
    mutating func layerNorm(width: Int, epsilon: Float) throws -> LayerNorm {
        LayerNorm(width: width, weight: try floats(width), bias: try floats(width), epsilon: epsilon)
    }

    /// `count` little-endian Float32 values, read in place.
    mutating func floats(_ count: Int) throws -> UnsafePointer<Float> {
        try take(count * 4, "a list of \(count) floats").assumingMemoryBound(to: Float.self)
    }

    /// `count` IEEE half floats, widened to Float32 (a copy: the file's halves are not Float32).
    mutating func halfFloats(_ count: Int) throws -> [Float] {
        let start = try take(count * 2, "a list of \(count) half floats")
        return (0..<count).map { Self.float(halfBits: start.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self)) }
    }

    /// The Float32 value of IEEE 754 half-precision bits (written out, as `Float16` is missing on
    /// some platforms Recall builds for).
    package static func float(halfBits raw: UInt16) -> Float {
        let bits = UInt32(UInt16(littleEndian: raw))
        let sign = (bits & 0x8000) << 16
        let exponent = (bits >> 10) & 0x1F
        let mantissa = bits & 0x3FF
        switch exponent {
        case 0:
            // Zero or subnormal: mantissa × 2^-24.
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign == 0 ? magnitude : -magnitude
        case 0x1F:
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        default:
            return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
        }
    }
}
