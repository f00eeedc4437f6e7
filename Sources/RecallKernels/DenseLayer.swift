import RecallKernelsAVX2

/// One int8 fully connected layer of the transformer, read in place:
/// `y[o] = scale[o] * dot(q[o], x) + bias[o]`.
///
/// The matrix is stored as PyTorch's `Linear.weight`, one int8 row per output with one Float32
/// scale. ``apply(_:tokens:into:rows:)`` multiplies many tokens at once: it widens two weight
/// rows to Float32 in a small buffer that stays in the L1 cache, then runs them against four
/// tokens at a time, so each weight is read from memory once per block of tokens rather than
/// once per token. That blocking, not the arithmetic, is what makes the encoder fast.
struct DenseLayer: @unchecked Sendable {
    // @unchecked: the pointers reach read-only model bytes that outlive every encoder using them.

    /// The number of input features (a multiple of 16).
    let inputs: Int
    /// The number of outputs (rows).
    let outputs: Int
    /// `outputs` × `inputs` int8 weights, row by row.
    let weights: UnsafePointer<Int8>
    /// One scale per row.
    let scales: UnsafePointer<Float>
    /// One bias per output; nil for a table of rows (the word embeddings).
    let bias: UnsafePointer<Float>?

    /// Tokens multiplied per pass over the weights: their inputs (at most 32 × 1,536 floats,
    /// 192 KiB) stay in the L2 cache while every row of the matrix runs against them.
    static let tokenBlock = 32

    /// Writes `y[t * outputs + o]` for every token `t < tokens` and output `o` in `rows`.
    ///
    /// `x` holds `tokens` rows of `inputs` floats. Separate row ranges may run on separate threads.
    /// `units` chooses the loops; both give the same sums up to rounding.
    func apply(
        _ x: UnsafePointer<Float>, tokens: Int, into y: UnsafeMutablePointer<Float>, rows: Range<Int>,
        units: VectorUnits = .best
    ) {
        guard !rows.isEmpty, tokens > 0 else { return }
        if units == .avx2 {
            recall_avx2_dense(
                x, tokens, inputs, weights, scales, bias, outputs, rows.lowerBound, rows.upperBound, y)
            return
        }
        let rowBytes = inputs * MemoryLayout<Float>.stride
        let widened = UnsafeMutableRawPointer.allocate(byteCount: 2 * rowBytes, alignment: 64)
        defer { widened.deallocate() }
        let first = UnsafeRawPointer(widened)
        let second = UnsafeRawPointer(widened + rowBytes)
        var start = 0
        while start < tokens {
            let end = min(tokens, start + Self.tokenBlock)
            var row = rows.lowerBound
            while row < rows.upperBound {
                // An odd last row runs as its own pair; only the first result is kept.
                let paired = row + 1 < rows.upperBound
                widen(row: row, into: widened)
                if paired { widen(row: row + 1, into: widened + rowBytes) }
                let scaleA = scales[row]
                let biasA = bias?[row] ?? 0
                let scaleB = paired ? scales[row + 1] : 0
                let biasB = paired ? bias?[row + 1] ?? 0 : 0
                let other = paired ? second : first
                var token = start
                while token + 4 <= end {
                    let (a, b) = Self.dot2x4(first, other, UnsafeRawPointer(x + token * inputs), rowBytes)
                    for lane in 0..<4 {
                        y[(token + lane) * outputs + row] = a[lane] * scaleA + biasA
                        if paired { y[(token + lane) * outputs + row + 1] = b[lane] * scaleB + biasB }
                    }
                    token += 4
                }
                while token < end {
                    let (a, b) = Self.dot2x1(first, other, UnsafeRawPointer(x + token * inputs), rowBytes)
                    y[token * outputs + row] = a * scaleA + biasA
                    if paired { y[token * outputs + row + 1] = b * scaleB + biasB }
                    token += 1
                }
                row += 2
            }
            start = end
        }
    }

    /// Adds row `row`, dequantised (`scale * q`), to the `inputs` floats at `destination`:
    /// how a word embedding is looked up.
    func addRow(_ row: Int, to destination: UnsafeMutablePointer<Float>) {
        let source = UnsafeRawPointer(weights + row * inputs)
        let target = UnsafeMutableRawPointer(destination)
        let scale = scales[row]
        var offset = 0
        while offset < inputs {
            let values = SIMD16<Float>(source.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self))
            let sum = target.loadUnaligned(fromByteOffset: offset * 4, as: SIMD16<Float>.self) + scale * values
            target.storeBytes(of: sum, toByteOffset: offset * 4, as: SIMD16<Float>.self)
            offset += 16
        }
    }

    /// Converts row `row` of int8 weights to Float32 at `destination`.
    @inline(__always)
    private func widen(row: Int, into destination: UnsafeMutableRawPointer) {
        let source = UnsafeRawPointer(weights + row * inputs)
        var offset = 0
        while offset < inputs {
            let bytes = source.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self)
            destination.storeBytes(of: SIMD16<Float>(bytes), toByteOffset: offset * 4, as: SIMD16<Float>.self)
            offset += 16
        }
    }

    /// The dot products of two rows with four consecutive tokens (`stride` bytes apart).
    ///
    /// Eight 4-lane accumulators: as many as SSE's 16 registers hold beside the operands.
    @inline(__always)
    private static func dot2x4(
        _ rowA: UnsafeRawPointer, _ rowB: UnsafeRawPointer, _ x0: UnsafeRawPointer, _ stride: Int
    ) -> (SIMD4<Float>, SIMD4<Float>) {
        let x1 = x0 + stride
        let x2 = x1 + stride
        let x3 = x2 + stride
        var a0 = SIMD4<Float>()
        var a1 = a0
        var a2 = a0
        var a3 = a0
        var b0 = a0
        var b1 = a0
        var b2 = a0
        var b3 = a0
        var offset = 0
        while offset < stride {
            let u = rowA.load(fromByteOffset: offset, as: SIMD4<Float>.self)
            let v = rowB.load(fromByteOffset: offset, as: SIMD4<Float>.self)
            let p0 = x0.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            a0 += u * p0
            b0 += v * p0
            let p1 = x1.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            a1 += u * p1
            b1 += v * p1
            let p2 = x2.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            a2 += u * p2
            b2 += v * p2
            let p3 = x3.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            a3 += u * p3
            b3 += v * p3
            offset += 16
        }
        return (
            SIMD4(a0.sum(), a1.sum(), a2.sum(), a3.sum()),
            SIMD4(b0.sum(), b1.sum(), b2.sum(), b3.sum())
        )
    }

    /// The dot products of two rows with one token.
    @inline(__always)
    private static func dot2x1(
        _ rowA: UnsafeRawPointer, _ rowB: UnsafeRawPointer, _ x: UnsafeRawPointer, _ stride: Int
    ) -> (Float, Float) {
        var a = SIMD4<Float>()
        var b = a
        var offset = 0
        while offset < stride {
            let p = x.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            a += rowA.load(fromByteOffset: offset, as: SIMD4<Float>.self) * p
            b += rowB.load(fromByteOffset: offset, as: SIMD4<Float>.self) * p
            offset += 16
        }
        return (a.sum(), b.sum())
    }
}
