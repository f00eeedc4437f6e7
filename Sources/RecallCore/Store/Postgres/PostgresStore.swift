import Foundation
import PostgresNIO

/// The store on a PostgreSQL server, which several Recall servers on several machines share.
///
/// Same intentions, same results as the SQLite store (`RecallStore`). Writes hold one
/// transaction-scoped advisory lock, so they follow one another as SQLite's writers do: the
/// memory rules (deduplication, supersession) read and write without another server's write in
/// between, and vector ids grow in commit order, which lets each server load only what is new.
/// Reads run in a read-only REPEATABLE READ transaction: one snapshot for all their statements.
final class PostgresStore: Sendable {
    /// The connections, shared by every account's view.
    let pool: PostgresPool
    /// Whose rows every query reads and writes (see `Account`).
    let account: String
    /// How a memory's signature is read: what deduplication and supersession compare.
    let signing: FactSigning
    /// Where vectors are searched: pgvector's indexes, or each server's memory.
    let vectorStorage: PostgresVectorStorage
    /// The pgvector indexes known to exist.
    let vectorIndexes: PostgresVectorIndexes

    /// The advisory lock every write transaction holds until it ends.
    static let writeLockKey: Int64 = 0x5265_6361_6C6C_0002

    /// Connects, checks the database is Recall's (or empty), brings its schema up to date and
    /// chooses where vectors are kept (pgvector when the database has it).
    init(settings: PostgresSettings, signing: FactSigning) throws {
        pool = try PostgresPool(settings: settings)
        account = Account.local
        self.signing = signing
        try PostgresSchema.migrate(pool)
        vectorStorage = try PostgresVectorStorage.prepare(pool)
        vectorIndexes = PostgresVectorIndexes()
    }

    private init(other: PostgresStore, account: String) {
        pool = other.pool
        self.account = account
        signing = other.signing
        vectorStorage = other.vectorStorage
        vectorIndexes = other.vectorIndexes
    }

    /// This store as `account` sees it: the same connections, only that account's rows.
    func acting(as account: String) -> any RecallStore {
        account == self.account ? self : PostgresStore(other: self, account: account)
    }

    /// Runs a write transaction holding the store's write lock.
    func write<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.transaction(isolation: .readCommitted) { connection in
            _ = try connection.run("SELECT pg_advisory_xact_lock(\(Self.writeLockKey))")
            return try body(connection)
        }
    }

    /// Runs reads on one snapshot.
    func read<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.transaction(isolation: .repeatableRead, body)
    }

    /// Runs a write and rolls it back whatever happens: a dry run reports what storing would do.
    func rolledBack<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.withConnection { connection in
            try connection.execute("BEGIN")
            defer { _ = try? connection.execute("ROLLBACK") }
            _ = try connection.run("SELECT pg_advisory_xact_lock(\(Self.writeLockKey))")
            return try body(connection)
        }
    }
}

extension PostgresStore: RecallStore {}
