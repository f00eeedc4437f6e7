public import Foundation
import Logging
import NIOPosix
import PostgresNIO
public import RecallCore
public import Testing

/// The stores a parameterised test runs against: SQLite always, PostgreSQL when the run has a
/// server (`RECALL_TEST_POSTGRES`, which scripts/test sets after starting a throwaway cluster),
/// and PostgreSQL with pgvector when it has one of those (`RECALL_TEST_PGVECTOR`).
///
/// ```swift
/// @Test(arguments: TestStore.available)
/// func forgets(_ store: TestStore) throws {
///     let recall = try store.recall()
/// }
/// ```
public enum TestStore: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres, pgvector

    /// The stores this run can reach.
    public static var available: [TestStore] {
        [.sqlite] + (serverURL == nil ? [] : [.postgres]) + (pgvectorURL == nil ? [] : [.pgvector])
    }

    /// The test server's URL, or nil when unset.
    public static let serverURL: String? = environment("RECALL_TEST_POSTGRES")

    /// The URL of a test server whose PostgreSQL has the `vector` extension, or nil when unset.
    public static let pgvectorURL: String? = environment("RECALL_TEST_PGVECTOR")

    private static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The name in test output.
    public var testDescription: String { rawValue }

    /// A Recall over a new, empty store of this kind: in memory for SQLite, a database of its own
    /// on the test server for PostgreSQL.
    public func recall(
        clock: @escaping @Sendable () -> Date = { Date() }, ranking: RankingWeights = RankingWeights(),
        semantic: SemanticSearch = .embedded, backgroundIndexing: Bool = false
    ) throws -> Recall {
        Recall(
            location: try location(), clock: clock, ranking: ranking, semantic: semantic,
            backgroundIndexing: backgroundIndexing)
    }

    /// A new, empty store's location.
    public func location() throws -> StoreLocation {
        switch self {
        case .sqlite: return .inMemory
        case .postgres: return .postgres(try Self.newDatabase())
        case .pgvector: return .postgres(try Self.newDatabase(on: Self.pgvectorURL))
        }
    }

    /// Creates `recall_test_<random>` on a test server (the plain one unless named) and returns
    /// its URL.
    public static func newDatabase(on server: String? = serverURL) throws -> String {
        guard let serverURL = server, var components = URLComponents(string: serverURL) else {
            throw RecallError(.storeUnavailable, "no test server: set RECALL_TEST_POSTGRES or RECALL_TEST_PGVECTOR")
        }
        let name = "recall_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let configuration = PostgresConnection.Configuration(
            host: components.host ?? "127.0.0.1", port: components.port ?? 5432,
            username: components.user ?? "postgres", password: components.password,
            database: String(components.path.dropFirst()).isEmpty ? "postgres" : String(components.path.dropFirst()),
            tls: .disable)
        let logger = Logger(label: "recall.tests", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
        ).wait()
        defer { try? connection.close().wait() }
        _ = try connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger).wait()
        components.path = "/" + name
        return components.string ?? serverURL
    }
}
