import Foundation
import PostgresNIO
import Synchronization
import Testing

@testable import RecallCore

@Suite(.enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.why))
struct PostgresPoolTests {
    private struct Marker: Error {}

    @Test func queryRoundTrip() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let pool = try database.pool()
        defer { pool.close() }
        let text = "héllo, 世界"
        let row = try pool.withConnection { try $0.run("SELECT \(41)::int8 + 1, \(text)::text").first }
        let (number, echoed) = try #require(row).decode((Int, String).self)
        #expect(number == 42)
        #expect(echoed == text)
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let pool = try database.pool()
        defer { pool.close() }
        try pool.withConnection { try $0.execute("CREATE TABLE notes (id int PRIMARY KEY)") }
        #expect(throws: Marker.self) {
            try pool.transaction { connection in
                _ = try connection.run("INSERT INTO notes VALUES (\(1))")
                throw Marker()
            }
        }
        try pool.transaction { _ = try $0.run("INSERT INTO notes VALUES (\(2))") }
        let ids = try pool.withConnection { try $0.run("SELECT id FROM notes").map { try $0.decode(Int.self) } }
        #expect(ids == [2])
    }

    @Test func serializationFailuresRunTheBodyAgain() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let pool = try database.pool()
        defer { pool.close() }
        let raise = "DO $$ BEGIN RAISE SQLSTATE '40001'; END $$"
        var attempts = 0
        let value = try pool.transaction(isolation: .serializable) { connection -> String in
            attempts += 1
            if attempts < 3 { try connection.execute(raise) }
            return "done"
        }
        #expect(value == "done")
        #expect(attempts == 3)
        attempts = 0
        let error = #expect(throws: RecallError.self) {
            try pool.transaction { connection in
                attempts += 1
                try connection.execute(raise)
            }
        }
        #expect(error?.code == .conflict)
        #expect(error?.message.contains("40001") == true)
        #expect(attempts == PostgresPool.transactionAttempts)
    }

    @Test func statementErrorsKeepTheServerMessageButNoValues() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let pool = try database.pool()
        defer { pool.close() }
        let syntax = #expect(throws: RecallError.self) { try pool.withConnection { try $0.execute("SELEC 1") } }
        #expect(syntax?.code == .internalError)
        #expect(syntax?.message.contains("42601") == true)
        #expect(syntax?.message.contains("syntax error") == true)
        let secret = "secret-value-73"
        let value = #expect(throws: RecallError.self) {
            try pool.withConnection { _ = try $0.run("SELECT \(secret)::int") }
        }
        #expect(value?.message.contains("22P02") == true)
        #expect(value?.message.contains(secret) == false)
    }

    @Test func uniqueViolationsAreRecognisable() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let pool = try database.pool()
        defer { pool.close() }
        try pool.withConnection { try $0.execute("CREATE TABLE keys (k text PRIMARY KEY)") }
        let state = try pool.withConnection { connection -> String? in
            _ = try connection.run("INSERT INTO keys VALUES (\("a"))")
            do {
                _ = try connection.run("INSERT INTO keys VALUES (\("a"))")
                return nil
            } catch {
                return sqlState(of: error)
            }
        }
        #expect(state == "23505")
        let error = #expect(throws: RecallError.self) {
            try pool.transaction { _ = try $0.run("INSERT INTO keys VALUES (\("a"))") }
        }
        #expect(error?.code == .conflict)
    }

    @Test func commitOfAnAbortedTransactionFails() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let pool = try database.pool()
        defer { pool.close() }
        let error = #expect(throws: RecallError.self) {
            try pool.transaction { connection in _ = try? connection.run("SELECT 1/0") }
        }
        #expect(error?.message.contains("25P02") == true)
        #expect(try pool.withConnection { try $0.run("SELECT 1").first?.decode(Int.self) } == 1)
    }

    @Test func wrongPasswordNamesCredentialsNotThePassword() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        var settings = database.settings
        settings.password = "not-the-password-91"
        let pool = try PostgresPool(settings: settings)
        defer { pool.close() }
        let error = #expect(throws: RecallError.self) { try pool.withConnection { _ = try $0.run("SELECT 1") } }
        #expect(error?.code == .storeUnavailable)
        #expect(error?.message.contains("credentials") == true)
        #expect(error?.message.contains("28P01") == true)
        #expect(error?.message.contains("not-the-password-91") == false)
        #expect(error?.message.contains("recall-test") == false)
    }

    @Test func missingDatabaseIsNamed() throws {
        var settings = try PostgresSettings(url: try #require(PostgresTestDatabase.url), environment: [:])
        settings.database = "recall_no_such_database"
        let pool = try PostgresPool(settings: settings)
        defer { pool.close() }
        let error = #expect(throws: RecallError.self) { try pool.withConnection { _ = try $0.run("SELECT 1") } }
        #expect(error?.message.contains("3D000") == true)
        #expect(error?.message.contains("recall_no_such_database") == true)
    }

    @Test func unreachablePortNamesHostAndPort() throws {
        var settings = try PostgresSettings(url: try #require(PostgresTestDatabase.url), environment: [:])
        settings.port = try Self.closedPort()
        let pool = try PostgresPool(settings: settings)
        defer { pool.close() }
        let error = #expect(throws: RecallError.self) { try pool.withConnection { _ = try $0.run("SELECT 1") } }
        #expect(error?.code == .storeUnavailable)
        #expect(error?.message.contains("127.0.0.1:\(settings.port)") == true)
        #expect(error?.message.contains("recall-test") == false)
    }

    @Test func terminatedConnectionIsReplaced() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        var settings = database.settings
        settings.poolSize = 1
        let pool = try PostgresPool(settings: settings)
        defer { pool.close() }
        let admin = try database.pool()
        defer { admin.close() }
        for _ in 0..<3 {
            let victim = try pool.withConnection { try $0.run("SELECT pg_backend_pid()").first?.decode(Int32.self) }
            let killed = try admin.withConnection {
                try $0.run("SELECT pg_terminate_backend(\(try #require(victim)))").first?.decode(Bool.self)
            }
            #expect(killed == true)
            // Straight away, whether or not the client has seen the connection close yet.
            let next = try pool.withConnection { try $0.run("SELECT pg_backend_pid()").first?.decode(Int32.self) }
            #expect(next != victim)
        }
    }

    @Test func twoConnectionsServeEightThreads() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        var settings = database.settings
        settings.poolSize = 2
        let pool = try PostgresPool(settings: settings)
        defer { pool.close() }
        try pool.withConnection { connection in
            try connection.execute("CREATE TABLE counter (n int NOT NULL)")
            try connection.execute("INSERT INTO counter VALUES (0)")
        }
        let errors = Mutex<[String]>([])
        let group = DispatchGroup()
        for _ in 0..<8 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    for _ in 0..<5 {
                        try pool.transaction { _ = try $0.run("UPDATE counter SET n = n + 1") }
                        try pool.withConnection { _ = try $0.run("SELECT n FROM counter") }
                    }
                } catch {
                    errors.withLock { $0.append("\(error)") }
                }
            }.start()
        }
        group.wait()
        #expect(errors.withLock { $0 } == [])
        let (total, sessions) = try pool.withConnection { connection in
            let total = try connection.run("SELECT n FROM counter").first?.decode(Int.self)
            let sessions = try connection.run(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            ).first?.decode(Int.self)
            return (total, sessions)
        }
        #expect(total == 40)
        #expect((sessions ?? 99) <= 2)
    }

    /// A loopback port nothing listens on: bound, read and closed.
    private static func closedPort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw RecallError(.internalError, "could not bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
