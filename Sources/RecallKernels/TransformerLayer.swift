/// One BERT encoder layer, post-norm as in the original: self-attention, then
/// `LayerNorm(x + attention)`, then a GELU feed-forward, then `LayerNorm(x + feedForward)`.
struct TransformerLayer: Sendable {
    /// Attention heads; each sees `hidden / heads` features of every token.
    let heads: Int
    let query: DenseLayer
    let key: DenseLayer
    let value: DenseLayer
    let attentionOutput: DenseLayer
    let attentionNorm: LayerNorm
    let intermediate: DenseLayer
    let output: DenseLayer
    let outputNorm: LayerNorm

    /// Runs the layer over the `tokens` rows of `work.states`, leaving its output there.
    func forward(_ work: EncoderWorkspace, tokens: Int) {
        let states = work.states
        let attended = work.attended
        work.dense(query, states, tokens: tokens, into: work.queries)
        work.dense(key, states, tokens: tokens, into: work.keys)
        work.dense(value, states, tokens: tokens, into: work.values)
        attend(work, tokens: tokens)
        work.dense(attentionOutput, work.context, tokens: tokens, into: attended)
        attentionNorm.apply(attended, tokens: tokens, adding: states)
        work.dense(intermediate, attended, tokens: tokens, into: work.expanded)
        work.split(tokens * intermediate.outputs, alignedTo: 4) { range in
            GELU.apply(work.expanded + range.lowerBound, count: range.count)
        }
        work.dense(output, work.expanded, tokens: tokens, into: states)
        outputNorm.apply(states, tokens: tokens, adding: attended)
    }
}
