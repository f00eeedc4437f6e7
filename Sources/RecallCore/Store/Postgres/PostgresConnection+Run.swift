import Logging
import NIOCore
import PostgresNIO
import Synchronization

extension PostgresConnection {
    /// Runs one statement and collects its rows, blocking the calling thread (never an event loop's).
    ///
    /// Errors are ``PostgresFailure``s; ``sqlState(of:)`` reads their SQLSTATE, e.g. 23505 for a unique
    /// violation. Leaving the pool's `withConnection` or `transaction`, they become `RecallError`s.
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        do {
            let result = try self.query(query, logger: PostgresPool.silentLogger).wait()
            PostgresPool.untouched.withLock { _ = $0.remove(ObjectIdentifier(self)) }
            return result
        } catch {
            let failure = PostgresFailure(error)
            if failure.kind == .statement {
                PostgresPool.untouched.withLock { _ = $0.remove(ObjectIdentifier(self)) }
            }
            throw failure
        }
    }

    /// Runs one unparameterised statement: DDL, `BEGIN`, `SET`.
    ///
    /// One statement per call: postgres-nio uses the extended protocol, which takes a single command.
    func execute(_ sql: String) throws {
        _ = try run(PostgresQuery(unsafeSQL: sql))
    }
}

/// The SQLSTATE of an error a statement threw ("23505" for a unique violation), or nil when the
/// server did not report one.
func sqlState(of error: any Error) -> String? {
    if let failure = error as? PostgresFailure { return failure.sqlState }
    if let error = error as? PSQLError { return error.serverInfo?[.sqlState] }
    return nil
}
