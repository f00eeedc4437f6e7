import PostgresNIO
import Synchronization

/// One model's vectors of a kind searched by pgvector: an HNSW index per model, on the
/// `embedding` column cast to the model's dimensions and limited to its rows (a column holds
/// several models' vectors, which differ in size).
///
/// The index is made by the first search that needs it, so an import into an empty store
/// builds it once, in bulk, rather than row by row.
struct PostgresServedVectors: NearestVectors {
    let store: PostgresStore
    let kind: VectorKind
    let modelID: Int64

    /// HNSW candidates looked at per search: more than the default 40, so a search that keeps
    /// the account's rows only still finds as many as it asks for.
    static func candidates(for count: Int) -> Int { min(1000, max(100, count * 2)) }

    var isEmpty: Bool {
        get throws {
            try store.read { connection in
                try connection.run(
                    "SELECT 1 FROM \(unescaped: kind.table) WHERE model_id = \(modelID) AND embedding IS NOT NULL LIMIT 1"
                ).rows.first == nil
            }
        }
    }

    func nearest(to query: PackedVector, count: Int, groups: Set<Int64>?, alsoRows: [Int64]) throws -> [(
        rowID: Int64, score: Float
    )] {
        guard count > 0 else { return [] }
        let dimensions = query.dimensions
        try store.ensureVectorIndex(kind, modelID: modelID, dimensions: dimensions)
        var statement = PostgresConditions()
        // Bound twice, not joined in: an index walk orders by a distance to a constant.
        let first = statement.bind(query.values)
        let second = statement.bind(query.values)
        let typed = "embedding::vector(\(dimensions))"
        let target = { (value: String) in "\(value)::real[]::vector(\(dimensions))" }
        let account = statement.bind(store.account)
        var scope: String
        switch kind {
        case .messages:
            scope = """
                FROM message_vectors v JOIN messages m ON m.id = v.message_id JOIN chats c ON c.id = m.chat_id
                WHERE v.model_id = \(modelID) AND v.embedding IS NOT NULL AND c.account = \(account)
                """
            if let groups { scope += " AND m.chat_id = ANY(\(statement.bind(Array(groups)))::bigint[])" }
        case .memories:
            scope = """
                FROM memory_vectors v JOIN memories mem ON mem.id = v.memory_id
                WHERE v.model_id = \(modelID) AND v.embedding IS NOT NULL AND mem.account = \(account)
                """
        }
        // With chats named, an exact scan of their rows: an index walk would filter most of its
        // candidates away. `+ 0` keeps the planner off the index there.
        let distance = "v.\(typed) <=> \(target(second))"
        let order = groups == nil ? distance : "(\(distance)) + 0"
        let sql = """
            SELECT v.\(kind.rowColumn), 1 - (v.\(typed) <=> \(target(first))) \(scope)
            ORDER BY \(order) LIMIT \(count)
            """
        return try store.read { connection in
            try connection.execute("SET LOCAL hnsw.ef_search = \(Self.candidates(for: count))")
            return try connection.run(statement.query(sql)).rows.map { row in
                let (id, score) = try row.decode((Int64, Double).self)
                return (id, Float(score))
            }
        }
    }

    func scores(of query: PackedVector, rows: [Int64]) throws -> [Int64: Float] {
        guard !rows.isEmpty else { return [:] }
        let dimensions = String(query.dimensions)
        let sql: PostgresQuery = """
            SELECT \(unescaped: kind.rowColumn), 1 - (embedding::vector(\(unescaped: dimensions)) <=> \(query.values)::real[]::vector(\(unescaped: dimensions)))
            FROM \(unescaped: kind.table)
            WHERE model_id = \(unescaped: String(modelID)) AND \(unescaped: kind.rowColumn) = ANY(\(rows)::bigint[])
            AND embedding IS NOT NULL
            """
        return try store.read { connection in
            var result: [Int64: Float] = [:]
            for row in try connection.run(sql).rows {
                let (id, score) = try row.decode((Int64, Double).self)
                result[id] = Float(score)
            }
            return result
        }
    }
}

extension PackedVector {
    /// The int8 values as floats, unscaled: a cosine does not need the scale.
    var values: [Float] {
        bytes.prefix(dimensions).map { Float(Int8(bitPattern: $0)) }
    }
}

/// The HNSW indexes this process knows exist, so a search checks the catalogue once per model.
final class PostgresVectorIndexes: Sendable {
    private let known = Mutex<Set<String>>([])

    /// Whether `name` was seen to exist.
    func contains(_ name: String) -> Bool { known.withLock { $0.contains(name) } }

    /// Records that `name` exists.
    func insert(_ name: String) { _ = known.withLock { $0.insert(name) } }
}

extension PostgresStore {
    /// pgvector's index of one model's vectors of a kind, when the store uses pgvector.
    func servedVectors(_ kind: VectorKind, model: String) throws -> (any NearestVectors)? {
        guard case .pgvector = vectorStorage, let modelID = try knownVectorModelID(model) else { return nil }
        return PostgresServedVectors(store: self, kind: kind, modelID: modelID)
    }

    /// Makes the HNSW index of one model's vectors of a kind unless it exists: in bulk, under
    /// the write lock, by the first search that needs it.
    func ensureVectorIndex(_ kind: VectorKind, modelID: Int64, dimensions: Int) throws {
        let name = "\(kind.table)_near_\(modelID)"
        guard !vectorIndexes.contains(name) else { return }
        let exists = try read { connection in
            try connection.run("SELECT to_regclass(\(name)) IS NOT NULL").rows.first?.decode(Bool.self) ?? false
        }
        if !exists {
            try write { connection in
                try connection.execute(
                    """
                    CREATE INDEX IF NOT EXISTS \(name) ON \(kind.table)
                    USING hnsw ((embedding::vector(\(dimensions))) vector_cosine_ops) WHERE model_id = \(modelID)
                    """)
            }
        }
        vectorIndexes.insert(name)
    }
}
