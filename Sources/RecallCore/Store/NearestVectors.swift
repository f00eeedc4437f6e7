/// One model's vectors for one kind of row, as a search by meaning asks them: the rows nearest
/// a query and the similarity of given rows.
///
/// Either an in-memory scan (`VectorIndex`, over vectors loaded from the store) or the
/// database's own index (pgvector on PostgreSQL): the search reads both the same way.
protocol NearestVectors {
    /// True when no row has a vector of this model.
    var isEmpty: Bool { get throws }

    /// The `count` rows most similar to `query`, best first, with their cosines; with `groups`,
    /// only rows of those chats. `alsoRows` are rows the query's words found, which a bounded
    /// scan looks at too.
    func nearest(to query: PackedVector, count: Int, groups: Set<Int64>?, alsoRows: [Int64]) throws -> [(
        rowID: Int64, score: Float
    )]

    /// The cosine of `query` with each of these rows (rows without a vector are left out).
    func scores(of query: PackedVector, rows: [Int64]) throws -> [Int64: Float]
}

extension NearestVectors {
    /// The `count` rows most similar to `query`, best first, with their cosines.
    func nearest(to query: PackedVector, count: Int) throws -> [(rowID: Int64, score: Float)] {
        try nearest(to: query, count: count, groups: nil, alsoRows: [])
    }
}

extension VectorIndex: NearestVectors {
    var isEmpty: Bool { count == 0 }
}
