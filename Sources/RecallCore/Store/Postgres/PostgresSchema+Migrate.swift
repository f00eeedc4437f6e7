import Foundation
import PostgresNIO

extension PostgresSchema {
    /// Brings the database's schema up to date in one transaction under the schema lock.
    ///
    /// An empty database becomes a Recall store; one holding another application's tables, or
    /// written by a newer Recall, is refused untouched.
    static func migrate(_ pool: PostgresPool) throws {
        let target = pool.settings.redacted
        try pool.transaction { connection in
            _ = try connection.run("SELECT pg_advisory_xact_lock(\(lockKey))")
            let marked =
                try connection.run("SELECT to_regclass('recall_store') IS NOT NULL").rows.first?.decode(
                    Bool.self) ?? false
            if !marked {
                let tables =
                    try connection.run(
                        "SELECT count(*)::bigint FROM pg_tables WHERE schemaname = current_schema()"
                    ).rows.first?.decode(Int64.self) ?? 0
                guard tables == 0 else {
                    throw RecallError(
                        .storeUnavailable,
                        "The database \(target) holds \(tables) tables of another application, so Recall leaves it untouched. Give Recall an empty database of its own (CREATE DATABASE recall) with --db or RECALL_DB."
                    )
                }
                try connection.execute(
                    "CREATE TABLE recall_migrations (id text PRIMARY KEY, position integer NOT NULL UNIQUE, applied_at timestamptz NOT NULL DEFAULT now())"
                )
            }
            let applied = try connection.run("SELECT id FROM recall_migrations ORDER BY position").rows.map {
                try $0.decode(String.self)
            }
            let known = migrations.map(\.id)
            guard applied.count <= known.count, Array(known.prefix(applied.count)) == applied else {
                throw RecallError(
                    .storeTooNew,
                    "The database \(target) was upgraded by a newer Recall (schema \(applied.last ?? "?")), which this one cannot read. Update Recall on this machine."
                )
            }
            for (position, migration) in migrations.enumerated().dropFirst(applied.count) {
                for statement in statements(migration.sql) { try connection.execute(statement) }
                _ = try connection.run(
                    "INSERT INTO recall_migrations (id, position) VALUES (\(migration.id), \(position + 1))")
            }
        }
    }

    /// The statements of a migration, one per command (the extended protocol takes one at a
    /// time): split at a `;` ending a line, except inside a `$$`-quoted function body.
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current: [Substring] = []
        var quoted = false
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("--") && !quoted { continue }
            current.append(line)
            if line.components(separatedBy: "$$").count % 2 == 0 { quoted.toggle() }
            if !quoted, trimmed.hasSuffix(";") {
                statements.append(current.joined(separator: "\n"))
                current = []
            }
        }
        statements.append(current.joined(separator: "\n"))
        return statements.map { statement in
            var text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasSuffix(";") { text.removeLast() }
            return text
        }.filter { !$0.isEmpty }
    }
}
