extension TransformerLayer {
    /// Scaled dot-product self-attention over all tokens (a single text has no padding to
    /// mask): for each head, every token's context is the softmax(q·k / √d)-weighted sum of the
    /// values.
    ///
    /// Heads are independent, so they are shared out between threads.
    func attend(_ work: EncoderWorkspace, tokens: Int) {
        let hidden = query.outputs
        let size = hidden / heads
        let temperature = 1 / Float(size).squareRoot()
        let rowBytes = hidden * 4
        work.split(heads, alignedTo: 1) { headRange in
            let weights = UnsafeMutablePointer<Float>.allocate(capacity: tokens)
            defer { weights.deallocate() }
            for head in headRange {
                let column = head * size * 4
                let keys = UnsafeRawPointer(work.keys) + column
                let values = UnsafeRawPointer(work.values) + column
                for token in 0..<tokens {
                    let q = UnsafeRawPointer(work.queries + token * hidden) + column
                    Self.scores(
                        q, keys, tokens: tokens, size: size, rowBytes: rowBytes, scale: temperature, into: weights)
                    var peak = -Float.infinity
                    for other in 0..<tokens { peak = max(peak, weights[other]) }
                    let total = Exponential.softmaxNumerators(weights, count: tokens, subtracting: peak)
                    let context = UnsafeMutableRawPointer(work.context + token * hidden) + column
                    Self.weightedSum(
                        weights, scale: 1 / total, values, tokens: tokens, size: size, rowBytes: rowBytes,
                        into: context)
                }
            }
        }
    }

    /// `scores[j] = scale · (q · k[j])` for every token `j`, four keys at a time.
    @inline(__always)
    private static func scores(
        _ q: UnsafeRawPointer, _ keys: UnsafeRawPointer, tokens: Int, size: Int, rowBytes: Int, scale: Float,
        into scores: UnsafeMutablePointer<Float>
    ) {
        let bytes = size * 4
        var other = 0
        while other + 4 <= tokens {
            let k0 = keys + other * rowBytes
            let k1 = k0 + rowBytes
            let k2 = k1 + rowBytes
            let k3 = k2 + rowBytes
            var a0 = SIMD4<Float>()
            var a1 = a0
            var a2 = a0
            var a3 = a0
            var offset = 0
            while offset < bytes {
                let p = q.load(fromByteOffset: offset, as: SIMD4<Float>.self)
                a0 += p * k0.load(fromByteOffset: offset, as: SIMD4<Float>.self)
                a1 += p * k1.load(fromByteOffset: offset, as: SIMD4<Float>.self)
                a2 += p * k2.load(fromByteOffset: offset, as: SIMD4<Float>.self)
                a3 += p * k3.load(fromByteOffset: offset, as: SIMD4<Float>.self)
                offset += 16
            }
            scores[other] = a0.sum() * scale
            scores[other + 1] = a1.sum() * scale
            scores[other + 2] = a2.sum() * scale
            scores[other + 3] = a3.sum() * scale
            other += 4
        }
        while other < tokens {
            let k = keys + other * rowBytes
            var a = SIMD4<Float>()
            var offset = 0
            while offset < bytes {
                a +=
                    q.load(fromByteOffset: offset, as: SIMD4<Float>.self)
                    * k.load(fromByteOffset: offset, as: SIMD4<Float>.self)
                offset += 16
            }
            scores[other] = a.sum() * scale
            other += 1
        }
    }

    /// `context = scale · Σ weights[j] · v[j]`, one 16-float cache line of the head at a time so
    /// the sums stay in registers.
    @inline(__always)
    private static func weightedSum(
        _ weights: UnsafePointer<Float>, scale: Float, _ values: UnsafeRawPointer, tokens: Int, size: Int,
        rowBytes: Int, into context: UnsafeMutableRawPointer
    ) {
        var offset = 0
        while offset < size * 4 {
            var a0 = SIMD4<Float>()
            var a1 = a0
            var a2 = a0
            var a3 = a0
            var v = values + offset
            for other in 0..<tokens {
                let w = weights[other]
                a0 += w * v.load(fromByteOffset: 0, as: SIMD4<Float>.self)
                a1 += w * v.load(fromByteOffset: 16, as: SIMD4<Float>.self)
                a2 += w * v.load(fromByteOffset: 32, as: SIMD4<Float>.self)
                a3 += w * v.load(fromByteOffset: 48, as: SIMD4<Float>.self)
                v += rowBytes
            }
            context.storeBytes(of: a0 * scale, toByteOffset: offset, as: SIMD4<Float>.self)
            context.storeBytes(of: a1 * scale, toByteOffset: offset + 16, as: SIMD4<Float>.self)
            context.storeBytes(of: a2 * scale, toByteOffset: offset + 32, as: SIMD4<Float>.self)
            context.storeBytes(of: a3 * scale, toByteOffset: offset + 48, as: SIMD4<Float>.self)
            offset += 64
        }
    }
}
