import Foundation
import PostgresNIO
import RecallTestSupport
import Testing

@testable import RecallCore

/// Every `sslmode` against the test server, whose certificate names `localhost` only and is
/// signed by a throwaway authority (`RECALL_TEST_POSTGRES_CA`, written by scripts/postgres-cluster).
@Suite(
    .enabled(
        if: PostgresTestDatabase.url != nil && PostgresTestDatabase.authority != nil,
        "needs RECALL_TEST_POSTGRES and RECALL_TEST_POSTGRES_CA (scripts/test starts a server with TLS)"))
struct PostgresTLSTests {
    /// The test server's URL with another host, database and query.
    private func url(host: String, database: String = "postgres", _ query: String) throws -> String {
        let server = try PostgresSettings(url: try #require(PostgresTestDatabase.url), environment: [:])
        return "postgres://recall:recall-test@\(host):\(server.port)/\(database)?\(query)"
    }

    /// Settings that never find a root file in this machine's home or environment.
    private func settings(_ url: String) throws -> PostgresSettings {
        try PostgresSettings(url: url, environment: ["HOME": "/nonexistent"])
    }

    /// Whether the session the pool lends runs over TLS, by the server's own account.
    private func encrypted(_ settings: PostgresSettings) throws -> Bool {
        var single = settings
        single.poolSize = 1
        let pool = try PostgresPool(settings: single)
        defer { pool.close() }
        let row = try pool.withConnection {
            try $0.run("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first
        }
        return try #require(row).decode(Bool.self)
    }

    @Test func verifyFullTrustsTheNamedAuthorityForTheCertificatesHostName() throws {
        let ca = try #require(PostgresTestDatabase.authority)
        let settings = try settings(url(host: "localhost", "sslmode=verify-full&sslrootcert=\(ca)"))
        #expect(settings.sslRootCert == ca)
        #expect(try encrypted(settings))
    }

    @Test func verifyFullRefusesAHostNameTheCertificateDoesNotName() throws {
        let ca = try #require(PostgresTestDatabase.authority)
        let settings = try settings(url(host: "127.0.0.1", "sslmode=verify-full&sslrootcert=\(ca)"))
        let error = try #require(throws: RecallError.self) { try encrypted(settings) }
        #expect(error.code == .storeUnavailable)
        #expect(error.message.contains("sslmode=verify-full"))
        #expect(error.message.contains("127.0.0.1"))
        #expect(error.message.contains("does not name the host"))
    }

    @Test func verifyCAChecksTheAuthorityButNotTheHostName() throws {
        let ca = try #require(PostgresTestDatabase.authority)
        #expect(try encrypted(settings(url(host: "127.0.0.1", "sslmode=verify-ca&sslrootcert=\(ca)"))))
    }

    @Test func anAuthorityNotTrustedIsRefusedWithWhatToDo() throws {
        // No sslrootcert, PGSSLROOTCERT or ~/.postgresql/root.crt: the system's roots, which do not
        // hold the throwaway authority.
        let settings = try settings(url(host: "localhost", "sslmode=verify-full"))
        #expect(settings.sslRootCert == nil)
        let error = try #require(throws: RecallError.self) { try encrypted(settings) }
        #expect(error.code == .storeUnavailable)
        #expect(error.message.contains("not signed by an authority trusted here"))
        #expect(error.message.contains("sslrootcert=PATH"))
    }

    @Test func theRootFileComesFromTheEnvironmentWhenTheURLNamesNone() throws {
        let ca = try #require(PostgresTestDatabase.authority)
        let settings = try PostgresSettings(
            url: url(host: "localhost", "sslmode=verify-full"),
            environment: ["PGSSLROOTCERT": ca, "HOME": "/nonexistent"])
        #expect(settings.sslRootCert == ca)
        #expect(try encrypted(settings))
    }

    @Test func aMissingRootFileIsNamedBeforeAnyConnection() throws {
        let missing = "/nonexistent/recall-\(UUID().uuidString).crt"
        let settings = try settings(url(host: "localhost", "sslmode=verify-full&sslrootcert=\(missing)"))
        let error = try #require(throws: RecallError.self) { try PostgresPool(settings: settings) }
        #expect(error.message.contains(missing))
    }

    @Test func requireEncryptsWithoutCheckingAndDisableDoesNot() throws {
        #expect(try encrypted(settings(url(host: "127.0.0.1", "sslmode=require"))))
        #expect(try encrypted(settings(url(host: "127.0.0.1", "sslmode=prefer"))))
        #expect(try !encrypted(settings(url(host: "127.0.0.1", "sslmode=disable"))))
    }

    @Test func aStoreWorksOverVerifiedTLS() throws {
        let ca = try #require(PostgresTestDatabase.authority)
        let query = "sslmode=verify-full&sslrootcert=\(ca)"
        let database = try PostgresTestDatabase(server: try url(host: "localhost", query))
        defer { database.drop() }
        let recall = Recall(
            location: .postgres(try url(host: "localhost", database: database.name, query)), semantic: .off)
        _ = try recall.addMemory(AddMemoryRequest(content: "The user's database speaks TLS."))
        let hits = try recall.search(SearchRequest(query: "database TLS"))
        #expect(hits.results.count == 1)
    }
}
