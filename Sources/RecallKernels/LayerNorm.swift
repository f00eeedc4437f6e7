/// A LayerNorm of the transformer, read in place: each token's features are shifted to mean 0,
/// scaled to variance 1, then multiplied by `weight` and shifted by `bias`, feature by feature.
struct LayerNorm: @unchecked Sendable {
    // @unchecked: the pointers reach read-only model bytes that outlive every encoder using them.

    /// The number of features per token (a multiple of 4).
    let width: Int
    /// Per-feature gain.
    let weight: UnsafePointer<Float>
    /// Per-feature shift.
    let bias: UnsafePointer<Float>
    /// Added to the variance before the square root, as PyTorch does (1e-12 for BERT).
    let epsilon: Float

    /// Normalises `tokens` rows of `x` in place, after adding `residual` to them when given
    /// (BERT's post-norm: `LayerNorm(x + sublayer(x))`).
    func apply(_ x: UnsafeMutablePointer<Float>, tokens: Int, adding residual: UnsafePointer<Float>? = nil) {
        let lanes = width / 4
        let count = Float(width)
        for token in 0..<tokens {
            let row = UnsafeMutableRawPointer(x + token * width)
            if let residual {
                let other = UnsafeRawPointer(residual + token * width)
                for lane in 0..<lanes {
                    let sum =
                        row.load(fromByteOffset: lane * 16, as: SIMD4<Float>.self)
                        + other.load(fromByteOffset: lane * 16, as: SIMD4<Float>.self)
                    row.storeBytes(of: sum, toByteOffset: lane * 16, as: SIMD4<Float>.self)
                }
            }
            var total = SIMD4<Float>()
            for lane in 0..<lanes { total += row.load(fromByteOffset: lane * 16, as: SIMD4<Float>.self) }
            let mean = total.sum() / count
            var squares = SIMD4<Float>()
            for lane in 0..<lanes {
                let centred = row.load(fromByteOffset: lane * 16, as: SIMD4<Float>.self) - mean
                squares += centred * centred
            }
            let inverse = 1 / (squares.sum() / count + epsilon).squareRoot()
            let gain = UnsafeRawPointer(weight)
            let shift = UnsafeRawPointer(bias)
            for lane in 0..<lanes {
                let value = row.load(fromByteOffset: lane * 16, as: SIMD4<Float>.self)
                let normal = (value - mean) * inverse
                let out =
                    normal * gain.loadUnaligned(fromByteOffset: lane * 16, as: SIMD4<Float>.self)
                    + shift.loadUnaligned(fromByteOffset: lane * 16, as: SIMD4<Float>.self)
                row.storeBytes(of: out, toByteOffset: lane * 16, as: SIMD4<Float>.self)
            }
        }
    }
}
