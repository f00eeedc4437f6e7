public import Foundation

extension Recall {
    /// Ranked search over memories and messages. Any string is a valid query; one with no
    /// searchable words (a lone `*`, punctuation) lists the newest items that match the filters.
    public func search(_ request: SearchRequest) throws -> SearchPage {
        try Validate.range(request.limit, 1...50, field: "limit")
        let offset = try Cursor.decodeOffset(request.cursor, tag: "search")
        let hits = try rankedHits(query: request.query, scope: request.scope, filters: request.filters, count: offset + request.limit + 1)
        let page = Array(hits.dropFirst(offset).prefix(request.limit))
        let next = hits.count > offset + request.limit ? Cursor.offset(offset + request.limit, tag: "search") : nil
        return SearchPage(results: page, nextCursor: next)
    }

    /// The best `count` hits of both kinds, merged by score (memories first on ties).
    func rankedHits(query: String, scope: SearchScope, filters: SearchFilters, count: Int) throws -> [SearchHit] {
        let database = try database()
        let match = QueryTerms(query).matchExpression
        var hits: [SearchHit] = []
        if scope != .messages {
            hits += try database.searchMemories(match, filters: filters, limit: count)
        }
        // A memory type or user namespace narrows to memories: messages have neither.
        if scope != .memories, filters.memoryType == nil {
            hits += try database.searchMessages(match, filters: filters, limit: count)
        }
        if match == nil {
            return hits.sorted { ($0.createdAt ?? .distantPast, $0.kind == .memory ? 1 : 0) > ($1.createdAt ?? .distantPast, $1.kind == .memory ? 1 : 0) }
        }
        return hits.sorted { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.kind != rhs.kind { return lhs.kind == .memory }
            return lhs.id < rhs.id
        }
    }
}
