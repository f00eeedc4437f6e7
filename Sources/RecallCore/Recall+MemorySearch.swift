import Foundation

extension Recall {
    /// The best `count` memories for a query: by their words, fused with their meaning when
    /// semantic search is on.
    ///
    /// `besideMessages` when the hits are merged with messages by score.
    func memoryHits(
        _ tokens: QueryTokens, filters: SearchFilters, count: Int, vectors query: QueryVectors, besideMessages: Bool
    ) throws -> [SearchHit] {
        let database = try database()
        let words = tokens.matchExpression
        let ranker = WindowRanker(weights: ranking)
        let scores = try tokens.terms.parallelMap {
            try database.memoryTermScores($0, filters: filters, limit: Self.termLimit, scanLimit: Self.termScanLimit)
        }
        let lexical = ranker.rank(termScores: scores, neighbours: { _ in [] })
        guard !semantic.memoryEncoders.isEmpty else {
            return try database.memoryHits(
                lexical.prefix(count).map { .init(key: $0.key, score: $0.score, matchedBy: [.keyword]) }, words: words)
        }
        let fusion = semantic.fusion
        let wordScores = Dictionary(lexical.map { ($0.key, $0.score) }, uniquingKeysWith: max)
        let head = lexical.prefix(fusion.pool).map(\.key)
        // Each encoder's similarity on the 0...1 meaning scale, mixed with the first one leading.
        var meaning: [Int64: Double] = [:]
        var found: Set<Int64> = []
        var mix = 0.0
        for (index, encoder) in semantic.memoryEncoders.enumerated() {
            let share = index == 0 ? 1 : fusion.secondaryMemoryEncoder
            guard share > 0, let vector = query.memoryVector(encoder) else { continue }
            mix += share
            let vectors = try nearestVectors(.memories, model: encoder.modelID)
            let scale = SimilarityScale(floor: encoder.unrelatedSimilarity)
            let near = try vectors.nearest(to: vector, count: fusion.pool * 2, groups: nil, alsoRows: head)
            var similarities = Dictionary(near.map { ($0.rowID, Double($0.score)) }, uniquingKeysWith: max)
            for (rowID, score) in try vectors.scores(of: vector, rows: head.filter { similarities[$0] == nil }) {
                similarities[rowID] = Double(score)
            }
            for (rowID, cosine) in similarities {
                let value = scale.meaning(cosine)
                meaning[rowID, default: 0] += share * value
                if index == 0, value > fusion.related { found.insert(rowID) }
            }
        }
        if mix > 0 { for key in meaning.keys { meaning[key, default: 0] /= mix } }
        // Memories found by meaning alone must still pass the filters and be current.
        let passing = try database.memoriesPassing(Array(found.subtracting(wordScores.keys)), filters: filters)
        let candidates = Set(wordScores.keys).union(passing)
        let weight = QueryEvidence.meaningWeight(
            base: fusion.memoryMeaning, exactToken: tokens.hasExactToken, termScores: scores, best: lexical.first?.key,
            items: Int(try database.maxMemoryID()), weights: fusion)
        let blend = MeaningFusion(meaningWeight: weight, bestLexical: lexical.first?.score ?? 0)
        var ranked = candidates.map { id in
            (id: id, score: blend.score(lexical: wordScores[id] ?? 0, meaning: meaning[id] ?? 0))
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id > $1.id }
        // Beside messages, a memory scores at least what a message with the same evidence would:
        // memories weigh meaning more, which must not sink one that matches the words as well as
        // a chat turn does and the meaning better. The memories' own order stays.
        if besideMessages {
            let peer = MeaningFusion(meaningWeight: fusion.messageMeaning, bestLexical: lexical.first?.score ?? 0)
            var ceiling = Double.infinity
            for index in ranked.indices {
                let id = ranked[index].id
                let sense = meaning[id] ?? 0
                // Strictly below the memory before it, so a tie cannot reorder them.
                ceiling = min(
                    ceiling.nextDown, max(ranked[index].score, peer.score(lexical: wordScores[id] ?? 0, meaning: sense))
                )
                ranked[index].score = ceiling
            }
        }
        let requests = ranked.prefix(count).map { item in
            var evidence: [SearchHit.Evidence] = []
            if wordScores[item.id] != nil { evidence.append(.keyword) }
            if found.contains(item.id), wordScores[item.id] == nil || (meaning[item.id] ?? 0) >= fusion.evident {
                evidence.append(.meaning)
            }
            return HitRequest(key: item.id, score: item.score, matchedBy: evidence)
        }
        return try database.memoryHits(requests, words: words)
    }
}
