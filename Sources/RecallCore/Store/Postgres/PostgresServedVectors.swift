import Foundation
import PostgresNIO
import Synchronization

/// One model's vectors of a kind searched by pgvector: an HNSW index per model, on the
/// `embedding` column cast to the model's dimensions and limited to its rows (a column holds
/// several models' vectors, which differ in size).
///
/// The index is built in the background after the first search that needs it, so an import
/// into an empty store builds it once, in bulk, rather than row by row; until it is ready,
/// searches scan the vectors in memory as on a store without pgvector.
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

/// The HNSW indexes this process knows are ready, and the builds it has running.
final class PostgresVectorIndexes: Sendable {
    private struct State {
        var ready: Set<String> = []
        var building: Set<String> = []
    }

    private let state = Mutex(State())
    private let builds = DispatchGroup()

    /// Whether `name` was seen ready.
    func isReady(_ name: String) -> Bool { state.withLock { $0.ready.contains(name) } }

    /// Records that `name` is ready.
    func markReady(_ name: String) { _ = state.withLock { $0.ready.insert(name) } }

    /// Runs `build` on a background thread unless a build of `name` is running already.
    func startBuild(_ name: String, _ build: @escaping @Sendable () -> Void) {
        let started = state.withLock { $0.building.insert(name).inserted }
        guard started else { return }
        DispatchQueue.global(qos: .utility).async(group: builds) {
            build()
            _ = self.state.withLock { $0.building.remove(name) }
        }
    }

    /// Waits for the builds started so far to end (tests, and a process about to exit).
    func waitForBuilds() { builds.wait() }
}

extension PostgresStore {
    /// pgvector's index of one model's vectors of a kind, when the store uses pgvector and the
    /// index is ready; nil otherwise, so the search scans the vectors in memory meanwhile.
    ///
    /// A missing index is built in the background (see `buildVectorIndex`): building one over a
    /// large store takes minutes, which no search should wait for.
    func servedVectors(_ kind: VectorKind, model: String) throws -> (any NearestVectors)? {
        guard case .pgvector = vectorStorage, let modelID = try knownVectorModelID(model) else { return nil }
        let name = Self.vectorIndexName(kind, modelID: modelID)
        guard try vectorIndexes.isReady(name) || vectorIndexIsReady(kind, modelID: modelID) else { return nil }
        return PostgresServedVectors(store: self, kind: kind, modelID: modelID)
    }

    /// The name of the HNSW index of one model's vectors of a kind.
    static func vectorIndexName(_ kind: VectorKind, modelID: Int64) -> String { "\(kind.table)_near_\(modelID)" }

    /// Whether the index exists and is valid; when it is not, starts building it.
    private func vectorIndexIsReady(_ kind: VectorKind, modelID: Int64) throws -> Bool {
        let name = Self.vectorIndexName(kind, modelID: modelID)
        let (valid, dimensions) = try read { connection in
            let valid = try connection.run(
                "SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(\(name))"
            ).rows.first?.decode(Bool.self)
            let dimensions = try connection.run(
                """
                SELECT length(vector) - 4 FROM \(unescaped: kind.table)
                WHERE model_id = \(modelID) AND length(vector) > 4 LIMIT 1
                """
            ).rows.first?.decode(Int.self)
            return (valid, dimensions)
        }
        if valid == true {
            vectorIndexes.markReady(name)
            return true
        }
        if let dimensions {
            vectorIndexes.startBuild(name) { [self] in
                try? buildVectorIndex(kind, modelID: modelID, dimensions: dimensions)
            }
        }
        return false
    }

    /// Builds the HNSW index of one model's vectors of a kind; true when this call built it.
    ///
    /// `CREATE INDEX CONCURRENTLY` does not block writes; a server that finds another building
    /// it leaves it to them, and an invalid index a failed build left behind is dropped first.
    @discardableResult
    func buildVectorIndex(_ kind: VectorKind, modelID: Int64, dimensions: Int) throws -> Bool {
        let name = Self.vectorIndexName(kind, modelID: modelID)
        let built = try pool.withConnection { connection in
            let locked =
                try connection.run("SELECT pg_try_advisory_lock(hashtext(\(name)))").rows.first?.decode(Bool.self)
                ?? false
            guard locked else { return false }
            defer { _ = try? connection.run("SELECT pg_advisory_unlock(hashtext(\(name)))") }
            let valid = try connection.run(
                "SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(\(name))"
            ).rows.first?.decode(Bool.self)
            if valid == false { try connection.execute("DROP INDEX CONCURRENTLY IF EXISTS \(name)") }
            // pgvector builds far faster when the graph fits in memory: at least 256 MB for
            // this session, unless the server allows more.
            _ = try connection.run(
                """
                SELECT set_config('maintenance_work_mem', '256MB', false)
                WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes('256MB')
                """)
            defer { try? connection.execute("RESET maintenance_work_mem") }
            try connection.execute(
                """
                CREATE INDEX CONCURRENTLY IF NOT EXISTS \(name) ON \(kind.table)
                USING hnsw ((embedding::vector(\(dimensions))) vector_cosine_ops) WHERE model_id = \(modelID)
                """)
            return true
        }
        if built { vectorIndexes.markReady(name) }
        return built
    }
}
