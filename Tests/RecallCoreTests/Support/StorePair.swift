import Foundation
import GRDB
import PostgresNIO
import Testing

@testable import RecallCore

/// The SQLite store in memory and the PostgreSQL store on a fresh database, fed the same calls,
/// so a test can check both answer alike.
struct StorePair {
    /// The SQLite store.
    let sqlite: RecallDatabase
    /// The PostgreSQL store.
    let postgres: PostgresStore
    /// The PostgreSQL test database, dropped by `close()`.
    let database: PostgresTestDatabase

    init() throws {
        database = try PostgresTestDatabase()
        sqlite = try RecallDatabase(location: .inMemory, signing: .languages)
        postgres = try PostgresStore(settings: database.settings, signing: .languages)
    }

    /// Closes the pool and drops the database.
    func close() {
        postgres.pool.close()
        database.drop()
    }

    /// Runs `body` on both stores and checks the answers are equal; returns SQLite's.
    @discardableResult
    func same<T: Equatable>(
        _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation, _ body: (any RecallStore) throws -> T
    ) throws -> T {
        let expected = try body(sqlite)
        let actual = try body(postgres)
        #expect(actual == expected, "\(what)", sourceLocation: sourceLocation)
        return expected
    }

    /// Runs `body` on both stores and checks they fail with the same error.
    func sameError<T>(
        _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation, _ body: (any RecallStore) throws -> T
    ) {
        let expected = #expect(throws: RecallError.self, sourceLocation: sourceLocation) { try body(sqlite) }
        let actual = #expect(throws: RecallError.self, sourceLocation: sourceLocation) { try body(postgres) }
        #expect(actual == expected, "\(what)", sourceLocation: sourceLocation)
    }

    /// Stores a batch in both, as one import run each; the outcomes, which must agree.
    @discardableResult
    func upsert(
        _ batch: [ParsedConversation], run: (ImportRun, ImportRun), bucket: String? = nil,
        encoder: (any TextEncoder)? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String] {
        let describe = { (upserts: [ChatUpsert]) in
            upserts.map { "\($0.chatID) \($0.outcome) +\($0.messagesAdded) ~\($0.messagesUpdated)" }
        }
        let expected = describe(try sqlite.upsertBatch(batch, run: run.0, bucket: bucket, encoder: encoder))
        let actual = describe(try postgres.upsertBatch(batch, run: run.1, bucket: bucket, encoder: encoder))
        #expect(actual == expected, sourceLocation: sourceLocation)
        #expect(run.0.rowID == run.1.rowID, sourceLocation: sourceLocation)
        return expected
    }

    /// A count from PostgreSQL.
    func postgresCount(_ query: PostgresQuery) throws -> Int {
        try postgres.read { try $0.run(query).rows.first?.decode(Int.self) ?? 0 }
    }

    /// A count from SQLite.
    func sqliteCount(_ sql: String) throws -> Int {
        try sqlite.read { try Int.fetchOne($0, sql: sql) ?? 0 }
    }
}

extension RecallStore {
    /// Prepares and stores a batch, as `RecallStore.upsert(_:run:bucket:messageEncoder:)` does.
    func upsertBatch(_ batch: [ParsedConversation], run: ImportRun, bucket: String?, encoder: (any TextEncoder)?)
        throws -> [ChatUpsert]
    {
        try upsert(prepare(batch, messageEncoder: encoder), run: run, bucket: bucket)
    }
}
