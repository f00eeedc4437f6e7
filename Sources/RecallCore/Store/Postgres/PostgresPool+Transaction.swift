import PostgresNIO

extension PostgresPool {
    /// The most times `transaction` runs its body.
    static let transactionAttempts = 5

    /// Runs `body` between `BEGIN ISOLATION LEVEL <isolation>` and `COMMIT`, rolling back when it
    /// throws.
    ///
    /// The whole body runs again, up to five times in all, after a serialization failure (40001),
    /// a deadlock (40P01) or a connection lost before `COMMIT` was sent: in each case the server
    /// rolled the transaction back, so nothing is applied twice. The body must therefore have no
    /// effects outside the database. A body that catches a statement error and carries on must do
    /// so inside a savepoint: PostgreSQL aborts the rest of the transaction, and `COMMIT` then fails.
    func transaction<T>(isolation: PostgresIsolation = .readCommitted, _ body: (PostgresConnection) throws -> T)
        throws -> T
    {
        var attempt = 1
        while true {
            do {
                return try borrow { connection in try Self.once(connection, isolation, body) }
            } catch let failure as PostgresFailure {
                let retryable =
                    failure.sqlState.map(PostgresFailure.retryableStates.contains) == true
                    || (failure.kind == .connectionLost && !failure.atCommit)
                guard retryable, attempt < Self.transactionAttempts else { throw failure.recallError(settings) }
                attempt += 1
            }
        }
    }

    private static func once<T>(
        _ connection: PostgresConnection, _ isolation: PostgresIsolation, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        try connection.execute("BEGIN ISOLATION LEVEL \(isolation.sql)")
        let value: T
        do {
            value = try body(connection)
        } catch {
            if (error as? PostgresFailure)?.kind != .connectionLost {
                // A connection whose rollback failed is in an unknown state: close it so the pool
                // drops it instead of lending it out mid-transaction.
                do { try connection.execute("ROLLBACK") } catch { _ = try? connection.close().wait() }
            }
            throw error
        }
        let result: PostgresQueryResult
        do {
            result = try connection.run("COMMIT")
        } catch var failure as PostgresFailure where failure.kind == .connectionLost {
            failure.atCommit = true
            failure.detail += "; it went during COMMIT, so the transaction may or may not have been applied"
            throw failure
        }
        // COMMIT of a transaction an error aborted answers ROLLBACK rather than failing.
        guard result.metadata.command != "ROLLBACK" else {
            throw PostgresFailure(
                kind: .statement, sqlState: "25P02",
                detail: "the transaction was rolled back at COMMIT because a statement in it failed and the "
                    + "body carried on; catch statement errors inside a SAVEPOINT (SQLSTATE 25P02)")
        }
        return value
    }
}
