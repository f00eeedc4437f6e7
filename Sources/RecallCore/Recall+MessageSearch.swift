import Foundation

extension Recall {
    /// The best `count` visible turns for a query: ranked by the words around them, fused with
    /// their meaning when semantic search is on, then raised when they are by the speaker or
    /// from the time the query names.
    func messageHits(
        _ tokens: QueryTokens, dates: QueryDates, filters: SearchFilters, count: Int, vectors: QueryVectors
    ) throws -> [SearchHit] {
        let database = try database()
        let words = tokens.matchExpression
        let ranker = WindowRanker(weights: ranking)
        let scores = try tokens.terms.parallelMap {
            try database.messageTermScores($0, filters: filters, limit: Self.termLimit, scanLimit: Self.termScanLimit)
        }
        let ranked = ranker.rank(termScores: scores, neighbours: { $0.neighbours(ranker.weights.window) })
        guard let encoder = semantic.messageEncoder, let vector = vectors.vector(encoder) else {
            return try lexicalMessageHits(
                ranked, tokens: tokens, dates: dates, filters: filters, count: count, ranker: ranker)
        }
        let fusion = semantic.fusion
        let index = try nearestVectors(.messages, model: encoder.modelID)
        let scale = SimilarityScale(floor: encoder.unrelatedSimilarity)
        // The word ranking's head, and the turns nearest in meaning within the chats the filters allow.
        let head = Array(ranked.prefix(max(fusion.pool, count * 3 + 20)))
        var facts = try database.turnFacts(at: head.map(\.key))
        let near = try index.nearest(
            to: vector, count: fusion.pool, groups: try database.chatsPassing(filters),
            alsoRows: facts.values.map(\.messageID))
        let places = try database.messagePlaces(near.map(\.rowID), filters: filters)
        var meaning: [MessageKey: Double] = [:]
        for item in near {
            guard let key = places[item.rowID] else { continue }
            meaning[key] = scale.meaning(Double(item.score))
        }
        let missing = head.map(\.key).filter { meaning[$0] == nil }
        let known = try index.scores(of: vector, rows: missing.compactMap { facts[$0]?.messageID })
        for key in missing {
            if let id = facts[key]?.messageID, let score = known[id] { meaning[key] = scale.meaning(Double(score)) }
        }
        let provenance = try provenanceMeaning(filters: filters, vectors: vectors)
        let wordScores = Dictionary(head.map { ($0.key, $0.score) }, uniquingKeysWith: max)
        let candidates = Set(wordScores.keys).union(meaning.filter { $0.value > fusion.related }.keys).union(
            provenance.keys)
        let newKeys = candidates.filter { facts[$0] == nil }
        if !newKeys.isEmpty { facts.merge(try database.turnFacts(at: Array(newKeys))) { first, _ in first } }
        let weight = QueryEvidence.meaningWeight(
            base: fusion.messageMeaning, exactToken: tokens.hasExactToken, termScores: scores, best: head.first?.key,
            items: Int(try database.maxMessageID()), weights: fusion)
        let blend = MeaningFusion(meaningWeight: weight, bestLexical: head.first?.score ?? 0)
        let fused = candidates.map { key in
            (
                key: key,
                score: blend.score(lexical: wordScores[key] ?? 0, meaning: meaning[key] ?? 0) + fusion.provenance
                    * (provenance[key] ?? 0)
            )
        }
        let boosted = boost(fused, facts: facts, tokens: tokens, dates: dates, ranker: ranker)
        let requests = boosted.lazy.map { item in
            var evidence: [SearchHit.Evidence] = []
            if wordScores[item.key] != nil { evidence.append(.keyword) }
            let byMeaning = max(meaning[item.key] ?? 0, provenance[item.key] ?? 0)
            if byMeaning > fusion.related, wordScores[item.key] == nil || byMeaning >= fusion.evident {
                evidence.append(.meaning)
            }
            return HitRequest(key: item.key, score: item.score, matchedBy: evidence)
        }
        return try database.messageHits(requests, count: count, words: words, filters: filters)
    }

    /// Turns that memories related to the query were extracted from, with those memories' best
    /// meaning (0...1, by the sharper memory encoder): a memory is short, third-person and
    /// dated, which is what the transformer matches best, and it points at the turn it came from.
    private func provenanceMeaning(filters: SearchFilters, vectors: QueryVectors) throws -> [MessageKey: Double] {
        guard semantic.fusion.provenance > 0, let encoder = semantic.memoryEncoders.first else { return [:] }
        let database = try database()
        let index = try nearestVectors(.memories, model: encoder.modelID)
        // Asked of memories, so in their person: the same vector memory search has made, not a
        // second pass of the transformer over the question as typed.
        guard try !index.isEmpty, let vector = vectors.memoryVector(encoder) else { return [:] }
        let scale = SimilarityScale(floor: encoder.unrelatedSimilarity)
        let related = try index.nearest(to: vector, count: semantic.fusion.pool).filter {
            scale.meaning(Double($0.score)) > semantic.fusion.related
        }
        let sources = try database.sourceMessages(ofMemories: related.map(\.rowID))
        guard !sources.isEmpty else { return [:] }
        let current = try database.memoriesPassing(Array(sources.keys), filters: SearchFilters(userID: filters.userID))
        let places = try database.messagePlaces(Array(Set(sources.values.joined())), filters: filters)
        var result: [MessageKey: Double] = [:]
        for item in related where current.contains(item.rowID) {
            for message in sources[item.rowID] ?? [] {
                guard let key = places[message] else { continue }
                result[key] = max(result[key] ?? 0, scale.meaning(Double(item.score)))
            }
        }
        return result
    }

    /// Words alone: today's ranking.
    private func lexicalMessageHits(
        _ ranked: [(key: MessageKey, score: Double)], tokens: QueryTokens, dates: QueryDates,
        filters: SearchFilters, count: Int, ranker: WindowRanker
    ) throws -> [SearchHit] {
        let database = try database()
        let words = tokens.matchExpression
        // Only the head can change places through the speaker boost; a few extra cover
        // places that turn out to hold hidden messages.
        let head = Array(ranked.prefix(count * 3 + 20))
        let facts = try database.turnFacts(at: head.map(\.key))
        return try database.messageHits(
            boost(head, facts: facts, tokens: tokens, dates: dates, ranker: ranker).lazy.map {
                .init(key: $0.key, score: $0.score, matchedBy: [.keyword])
            }, count: count, words: words, filters: filters)
    }

    /// Raises turns by the one speaker the query names and from the time it names, and re-sorts.
    private func boost(
        _ items: [(key: MessageKey, score: Double)], facts: [MessageKey: TurnFacts], tokens: QueryTokens,
        dates: QueryDates, ranker: WindowRanker
    ) -> [(key: MessageKey, score: Double)] {
        let named = WindowRanker.namedAuthor(in: tokens, among: Set(facts.values.compactMap(\.author)))
        return ranker.boost(items) { key in
            let fact = facts[key]
            return (
                named != nil && fact?.author?.caseInsensitiveCompare(named ?? "") == .orderedSame,
                fact?.date.map(dates.covers) ?? false
            )
        }
    }
}
