import Foundation
import PostgresNIO
import Testing

@testable import RecallCore

/// On a server with the `vector` extension the store keeps its vectors in pgvector too and
/// searches them through HNSW indexes: the same rows and cosines as the in-memory scan, only the
/// account's rows, chat filters exact; a role that may not create the extension keeps `bytea`,
/// and vectors stored before the extension are converted when it arrives.
@Suite(.enabled(if: PostgresTestDatabase.pgvectorURL != nil, "needs RECALL_TEST_PGVECTOR (scripts/test starts one)"))
struct PgvectorTests {
    static let dimensions = 24
    static let messages = 240
    static let chats = 4

    /// A deterministic unit vector for a seed.
    static func vector(_ seed: Int) -> PackedVector {
        // Components in -1...1, never all zero (the first is at least 0.5).
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        let components = (0..<dimensions).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2001 - 1000) / 1000
        }
        return PackedVector(components: [0.5 + abs(components[0])] + components.dropFirst()) ?? vector(seed + 1)
    }

    /// A store on a new database of the pgvector server holding `messages` messages across
    /// `chats` chats (no vectors yet).
    static func store(_ database: PostgresTestDatabase) throws -> PostgresStore {
        let store = try PostgresStore(settings: database.settings, signing: .languages)
        try store.write { connection in
            try connection.execute(
                """
                INSERT INTO chats (account, platform, source_id, message_count)
                SELECT 'local', 'chatgpt', 'c' || n, \(messages / chats) FROM generate_series(1, \(chats)) n
                """)
            try connection.execute(
                """
                INSERT INTO messages (chat_id, source_id, role, content, position, hidden)
                SELECT 1 + (n - 1) % \(chats), 'm' || n, 'user', 'turn ' || n, (n - 1) / \(chats), false
                FROM generate_series(1, \(messages)) n
                """)
        }
        return store
    }

    /// The in-memory scan over the same stored vectors.
    static func scan(_ store: PostgresStore, modelID: Int64) throws -> VectorIndex {
        let index = VectorIndex()
        let last = try store.lastVectorID(.messages)
        index.extend(with: try store.vectorRows(.messages, modelID: modelID, after: 0, upTo: last, limit: 10_000))
        return index
    }

    static func expectSame(
        _ served: [(rowID: Int64, score: Float)], _ scanned: [(rowID: Int64, score: Float)],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(served.map(\.rowID) == scanned.map(\.rowID), sourceLocation: sourceLocation)
        for (a, b) in zip(served, scanned) {
            #expect(abs(a.score - b.score) < 1e-4, sourceLocation: sourceLocation)
        }
    }

    @Test func searchesByMeaningThroughPgvectorAsTheScanDoes() throws {
        let database = try PostgresTestDatabase(server: PostgresTestDatabase.pgvectorURL)
        defer { database.drop() }
        let store = try Self.store(database)
        defer { store.pool.close() }
        guard case .pgvector = store.vectorStorage else {
            Issue.record("expected pgvector, got \(store.vectorStorage)")
            return
        }
        #expect(try store.stats().vectorStorage.hasPrefix("pgvector"))
        #expect(try store.servedVectors(.messages, model: "m") == nil, "no vector of the model yet")
        let vectors = (1...Self.messages).map { (rowID: Int64($0), vector: Optional(Self.vector($0))) }
        try store.storeMissingVectors(vectors + [(rowID: 7, vector: nil)], kind: .messages, model: "m")
        let modelID = try #require(try store.knownVectorModelID("m"))
        // The first ask starts the index build and leaves this search to the in-memory scan.
        #expect(try store.servedVectors(.messages, model: "m") == nil)
        store.vectorIndexes.waitForBuilds()
        let served = try #require(try store.servedVectors(.messages, model: "m"))
        let scan = try Self.scan(store, modelID: modelID)
        #expect(try !served.isEmpty)
        for seed in [3, 50, 999] {
            let query = Self.vector(seed)
            Self.expectSame(try served.nearest(to: query, count: 10), scan.nearest(to: query, count: 10))
            Self.expectSame(
                try served.nearest(to: query, count: 5, groups: [2], alsoRows: []),
                scan.nearest(to: query, count: 5, groups: [2]))
            let rows: [Int64] = [1, 2, 30, 7, 9999]
            let scores = try served.scores(of: query, rows: rows)
            let expected = scan.scores(of: query, rows: rows)
            #expect(Set(scores.keys) == Set(expected.keys))
            for (row, score) in expected { #expect(abs((scores[row] ?? 9) - score) < 1e-4) }
        }
        // The model's index exists, and the planner walks it.
        let plan = try store.read { connection in
            try connection.execute("SET LOCAL enable_seqscan = off")
            return try connection.run(
                "EXPLAIN SELECT message_id FROM message_vectors WHERE model_id = \(unescaped: String(modelID)) ORDER BY embedding::vector(\(unescaped: String(Self.dimensions))) <=> \(Self.vector(1).values)::real[]::vector(\(unescaped: String(Self.dimensions))) LIMIT 3"
            ).rows.map { try $0.decode(String.self) }.joined(separator: "\n")
        }
        #expect(plan.contains("message_vectors_near_\(modelID)"), "\(plan)")
        // Another account's view finds none of these rows.
        let other = try #require(store.acting(as: "someone") as? PostgresStore)
        let foreign = try #require(try other.servedVectors(.messages, model: "m"))
        #expect(try foreign.nearest(to: Self.vector(3), count: 10).isEmpty)
    }

    @Test func anImportSendsTheEmbeddingsTheTriggerWouldMake() throws {
        let database = try PostgresTestDatabase(server: PostgresTestDatabase.pgvectorURL)
        defer { database.drop() }
        let path = try PostgresSharingTests.export(chats: 6, turns: 12, tag: "embeddings")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let server = try #require(PostgresTestDatabase.pgvectorURL)
        let url = try #require(
            server.range(of: "/", options: .backwards).map { String(server[..<$0.upperBound]) + database.name })
        let report = try Recall(location: .postgres(url)).importChats(ImportRequest(path: path))
        #expect(report.messagesAdded == 6 * 12)
        let store = try PostgresStore(settings: database.settings, signing: .languages)
        defer { store.pool.close() }
        let counts = try store.read { connection in
            try connection.run(
                """
                SELECT count(*)::bigint, count(embedding)::bigint,
                       count(*) FILTER (WHERE embedding IS DISTINCT FROM recall_embedding(vector))::bigint
                FROM message_vectors
                """
            ).rows.first?.decode((Int64, Int64, Int64).self)
        }
        let (rows, embedded, different) = try #require(counts)
        #expect(rows == 6 * 12)
        #expect(embedded == rows)
        #expect(different == 0)
    }

    @Test func vectorsStoredBeforeTheExtensionAreConvertedWhenItArrives() throws {
        let database = try PostgresTestDatabase(server: PostgresTestDatabase.pgvectorURL)
        let role = "recall_plain_" + UUID().uuidString.prefix(8).lowercased()
        try database.asAdmin(
            "CREATE ROLE \(role) LOGIN PASSWORD 'plain-test'", "ALTER DATABASE \(database.name) OWNER TO \(role)")
        defer {
            database.drop()
            try? database.asAdmin("DROP ROLE IF EXISTS \(role)")
        }
        // Made by a superuser with pgvector, then the extension is dropped with its column.
        let first = try Self.store(database)
        let early = (1...100).map { (rowID: Int64($0), vector: Optional(Self.vector($0))) }
        try first.storeMissingVectors(early, kind: .messages, model: "m")
        try first.write { connection in
            try connection.execute("DROP EXTENSION vector CASCADE")
            try connection.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO \(role)")
            try connection.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO \(role)")
        }
        first.pool.close()
        // A role that may not create the extension keeps bytea, says why, and can still write.
        var plain = database.settings
        plain.user = role
        plain.password = "plain-test"
        let second = try PostgresStore(settings: plain, signing: .languages)
        guard case .bytea(let note?) = second.vectorStorage else {
            Issue.record("expected bytea with a note, got \(second.vectorStorage)")
            return
        }
        #expect(note.contains("CREATE EXTENSION vector"))
        #expect(try second.servedVectors(.messages, model: "m") == nil)
        let late = (101...Self.messages).map { (rowID: Int64($0), vector: Optional(Self.vector($0))) }
        try second.storeMissingVectors(late, kind: .messages, model: "m")
        second.pool.close()
        // The superuser again: the extension comes back and every stored vector is converted.
        let third = try PostgresStore(settings: database.settings, signing: .languages)
        defer { third.pool.close() }
        guard case .pgvector = third.vectorStorage else {
            Issue.record("expected pgvector, got \(third.vectorStorage)")
            return
        }
        let modelID = try #require(try third.knownVectorModelID("m"))
        _ = try third.servedVectors(.messages, model: "m")
        third.vectorIndexes.waitForBuilds()
        let served = try #require(try third.servedVectors(.messages, model: "m"))
        let scan = try Self.scan(third, modelID: modelID)
        #expect(scan.count == Self.messages)
        let query = Self.vector(77)
        Self.expectSame(try served.nearest(to: query, count: 20), scan.nearest(to: query, count: 20))
    }
}

extension PostgresStoreVectorsTests {
    @Test(.enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.why))
    func aServerWithoutTheExtensionKeepsBytea() throws {
        let pair = try MemoryStorePair()
        defer { pair.close() }
        let available = try pair.postgres.read { connection in
            try connection.run("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'").rows.first != nil
        }
        try #require(!available, "the plain test server has no vector extension")
        #expect(pair.postgres.vectorStorage == .bytea(note: nil))
        #expect(try pair.postgres.stats().vectorStorage == "bytea")
        #expect(try pair.postgres.servedVectors(.messages, model: "m") == nil)
    }
}
