/// A transaction's isolation level, as PostgreSQL names them.
enum PostgresIsolation: Sendable {
    /// Each statement sees what was committed before it began (PostgreSQL's default).
    case readCommitted
    /// Every statement sees the snapshot taken at the transaction's first statement.
    case repeatableRead
    /// As if the transactions ran one after another; conflicts fail with SQLSTATE 40001.
    case serializable

    /// The words after `BEGIN ISOLATION LEVEL`.
    var sql: String {
        switch self {
        case .readCommitted: "READ COMMITTED"
        case .repeatableRead: "REPEATABLE READ"
        case .serializable: "SERIALIZABLE"
        }
    }
}
