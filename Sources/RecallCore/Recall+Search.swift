import Foundation

extension Recall {
    /// Ranked search over memories and messages.
    ///
    /// Any string is a valid query; one with no
    /// searchable words (a lone `*`, punctuation) lists the newest items that match the filters.
    public func search(_ request: SearchRequest) throws -> SearchPage {
        // The tool and the CLI page by at most 50; the REST route asks for up to 100 in one call,
        // since offset pages of a ranking taken at different depths can repeat or skip a hit.
        try Validate.range(request.limit, Limits.searchResults, field: "limit")
        let offset = try Cursor.decodeOffset(request.cursor, tag: "search")
        let hits = try rankedHits(
            query: request.query, scope: request.scope, filters: request.filters, count: offset + request.limit + 1)
        let page = Array(hits.dropFirst(offset).prefix(request.limit))
        let next = hits.count > offset + request.limit ? Cursor.offset(offset + request.limit, tag: "search") : nil
        return SearchPage(results: page, nextCursor: next)
    }

    /// The best `count` hits of both kinds, merged by score (memories first on ties): with
    /// semantic search on, both kinds are scored on one 0...1 scale of words and meaning.
    func rankedHits(query: String, scope: SearchScope, filters: SearchFilters, count: Int) throws -> [SearchHit] {
        let database = try database()
        // A date in the query ranks turns from that time higher; its numbers are not words to match.
        let dates = QueryDates(query)
        let text = dates.intervals.isEmpty || ranking.time == 0 ? query : dates.remainder
        let tokens = QueryTokens(query, searching: text)
        let includeMessages = scope != .memories && filters.memoryType == nil
        // A memory type narrows to memories: messages have none.
        if tokens.isEmpty {
            var hits = scope == .messages ? [] : try database.recentMemories(filters: filters, limit: count)
            if includeMessages { hits += try database.recentMessages(filters: filters, limit: count) }
            return hits.enumerated().sorted { lhs, rhs in
                let left = (lhs.element.createdAt ?? .distantPast, lhs.element.kind == .memory ? 1 : 0)
                let right = (rhs.element.createdAt ?? .distantPast, rhs.element.kind == .memory ? 1 : 0)
                return left != right ? left > right : lhs.offset < rhs.offset
            }.map(\.element)
        }
        startBackfillIfNeeded()
        // Meaning reads the question as asked, dates included: they are words to a model.
        let vectors = QueryVectors(query)
        var hits: [SearchHit] = []
        if scope != .messages {
            hits += try memoryHits(
                tokens, filters: filters, count: count, vectors: vectors, besideMessages: includeMessages)
        }
        if includeMessages {
            hits += try messageHits(tokens, dates: dates, filters: filters, count: count, vectors: vectors)
        }
        // Equal scores keep the order each kind was ranked in, which is the same at every depth,
        // so a page cut at one depth and the next page cut at a deeper one never overlap.
        return hits.enumerated().sorted { lhs, rhs in
            if lhs.element.score != rhs.element.score { return lhs.element.score > rhs.element.score }
            if lhs.element.kind != rhs.element.kind { return lhs.element.kind == .memory }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Matches read per term: enough for the window to find its evidence, bounded for big stores.
    static let termLimit = 300

    /// Matches scored per term, newest first: every match of all but the most common words.
    static let termScanLimit = 2_000
}
