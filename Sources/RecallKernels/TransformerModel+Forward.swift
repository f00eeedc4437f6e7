extension TransformerModel {
    /// Runs the encoder over `ids` (at most ``maxTokens``, all valid) and returns the mean of
    /// the last layer's token vectors, normalised to length 1: sentence-transformers' mean pooling
    /// over an attention mask that covers every token, [CLS] and [SEP] included.
    package func forward(_ ids: [Int32], threads: Int) -> [Float] {
        let tokens = ids.count
        let work = EncoderWorkspace(tokens: tokens, hidden: hidden, intermediate: intermediate, threads: threads)
        positionEmbeddings.withUnsafeBufferPointer { positions in
            tokenTypeEmbedding.withUnsafeBufferPointer { tokenType in
                for (index, id) in ids.enumerated() {
                    let row = work.states + index * hidden
                    for feature in 0..<hidden {
                        row[feature] = positions[index * hidden + feature] + tokenType[feature]
                    }
                    wordEmbeddings.addRow(Int(id), to: row)
                }
            }
        }
        embeddingNorm.apply(work.states, tokens: tokens)
        for layer in layers { layer.forward(work, tokens: tokens) }

        var pooled = [Float](repeating: 0, count: hidden)
        for index in 0..<tokens {
            let row = work.states + index * hidden
            for feature in 0..<hidden { pooled[feature] += row[feature] }
        }
        let length = pooled.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        // sentence-transformers divides by max(length, 1e-12); the mean's 1/tokens cancels.
        let scale = 1 / max(length, 1e-12)
        return pooled.map { $0 * scale }
    }
}
