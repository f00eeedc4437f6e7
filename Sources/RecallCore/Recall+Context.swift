import Foundation

extension Recall {
    /// A context block about a topic that fits the token budget: matching memories first, then
    /// the best message excerpts with a neighbouring turn on each side (merged where they overlap),
    /// each cited so `get_conversation` can open it.
    ///
    /// Deterministic for the same store and query.
    public func context(_ request: ContextRequest) throws -> ContextBlock {
        try Validate.range(request.maxTokens, Limits.contextTokens, field: "max_tokens")
        let hits = try rankedHits(query: request.query, scope: .all, filters: request.filters, count: 40)
        var builder = ContextBuilder(budget: request.maxTokens)
        let database = try database()
        for hit in hits where hit.kind == .memory {
            let memory = try memory(id: hit.id)
            builder.addMemory(memory)
        }
        var excerpts: [ContextExcerpt] = []
        for hit in hits where hit.kind == .message {
            guard let window = try database.window(around: hit.id, radius: 1) else { continue }
            if let index = excerpts.firstIndex(where: { $0.overlaps(window) }) {
                excerpts[index].merge(window)
            } else if excerpts.count < 12 {
                excerpts.append(ContextExcerpt(window))
            }
        }
        for excerpt in excerpts { builder.addExcerpt(excerpt) }
        return builder.block
    }
}
