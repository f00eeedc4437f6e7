import PostgresNIO

/// Conditions joined with AND and their bound values, built one filter at a time: what a
/// request with optional filters turns into (PostgreSQL numbers its parameters, so the text and
/// the values grow together).
struct PostgresFilter {
    /// The conditions so far, then anything appended to it (ORDER BY, LIMIT).
    var sql = ""
    /// The values the conditions' `$n` name.
    var binds = PostgresBindings()

    /// Adds a condition with no value.
    mutating func add(_ condition: String) {
        if !sql.isEmpty { sql += " AND " }
        sql += condition
    }

    /// Adds a condition with one bound value between `prefix` and `suffix`.
    mutating func add(_ prefix: String, _ value: some PostgresDynamicTypeEncodable, _ suffix: String = "") {
        binds.append(value)
        add(prefix + "$\(binds.count)" + suffix)
    }

    /// The query `head` followed by the conditions.
    func query(_ head: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: head + sql, binds: binds)
    }
}
