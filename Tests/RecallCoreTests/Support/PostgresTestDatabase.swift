import Foundation
import PostgresNIO
import Testing

@testable import RecallCore

/// A database of its own for one test on the server `RECALL_TEST_POSTGRES` names (scripts/test
/// starts one): created with a unique name, dropped by `drop()`.
///
/// ```swift
/// @Test(.enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.why))
/// func roundTrip() throws {
///     let database = try PostgresTestDatabase()
///     defer { database.drop() }
///     let pool = try database.pool()
/// }
/// ```
struct PostgresTestDatabase {
    /// The test server's URL (a superuser on its `postgres` database), or nil when unset.
    static let url: String? = ProcessInfo.processInfo.environment["RECALL_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }
    /// Why the PostgreSQL tests did not run.
    static let why: Comment =
        "needs RECALL_TEST_POSTGRES=postgres://… (scripts/test starts a server: scripts/postgres-cluster)"

    /// The PEM file of the authority that signed the test server's certificate
    /// (`RECALL_TEST_POSTGRES_CA`), or nil when the server has no TLS.
    static let authority: String? = ProcessInfo.processInfo.environment["RECALL_TEST_POSTGRES_CA"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The database's name, unique to this test.
    let name: String
    /// Settings that open this database.
    let settings: PostgresSettings
    /// Settings for the server's `postgres` database, from which databases are created and dropped.
    let admin: PostgresSettings

    /// The URL of a test server with the `vector` extension (`RECALL_TEST_PGVECTOR`), or nil.
    static let pgvectorURL: String? = ProcessInfo.processInfo.environment["RECALL_TEST_PGVECTOR"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Creates a database named `recall_test_<random>` on `server` (by default the plain one).
    init(poolSize: Int = 4, server: String? = Self.url) throws {
        guard let url = server else { throw RecallError(.storeUnavailable, "the test server's URL is not set") }
        let environment = ["HOME": "/nonexistent"]
        admin = try PostgresSettings(url: url, environment: environment)
        name = "recall_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var settings = admin
        settings.database = name
        settings.poolSize = poolSize
        self.settings = settings
        try Self.onAdmin(admin) { try $0.execute("CREATE DATABASE \(name)") }
    }

    /// A pool on this database.
    func pool() throws -> PostgresPool { try PostgresPool(settings: settings) }

    /// Runs statements on the server's `postgres` database as the superuser.
    func asAdmin(_ statements: String...) throws {
        try Self.onAdmin(admin) { connection in for statement in statements { try connection.execute(statement) } }
    }

    /// Drops the database, ending any session still in it.
    func drop() {
        try? Self.onAdmin(admin) { try $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }

    private static func onAdmin(_ admin: PostgresSettings, _ body: (PostgresConnection) throws -> Void) throws {
        var single = admin
        single.poolSize = 1
        let pool = try PostgresPool(settings: single)
        defer { pool.close() }
        try pool.withConnection(body)
    }
}
