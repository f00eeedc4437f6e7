import Foundation
import PostgresNIO

/// The PostgreSQL side of `recall migrate`: rows read and written with their ids; copied text
/// gets its words and grams as the store's own writes give them, and the id sequences and bm25
/// figures are brought up to date at the end.
extension PostgresStore: CopyableStore {
    /// Rows per INSERT: the statement's parameters stay far below PostgreSQL's 65,535.
    static let copyStatementRows = 500

    func copyRows(_ table: CopyTable, after: Int64, limit: Int) throws -> [CopyRow] {
        let columns = table.columns.map { $0.kind == .json ? "\($0.name)::text" : "\"\($0.name)\"" }
            .joined(separator: ", ")
        return try read { connection in
            let query: PostgresQuery =
                table.pagedByID
                ? "SELECT \(unescaped: columns) FROM \(unescaped: table.name) WHERE \(unescaped: table.key) > \(after) ORDER BY \(unescaped: table.key) LIMIT \(limit)"
                : "SELECT \(unescaped: columns) FROM \(unescaped: table.name) ORDER BY \(unescaped: table.key)"
            return try connection.run(query).rows.map { row in
                try zip(row, table.columns).map { cell, column in try Self.copyValue(cell, kind: column.kind) }
            }
        }
    }

    func insertCopied(_ table: CopyTable, rows: [CopyRow]) throws -> Int {
        var inserted = 0
        try write { connection in
            inserted = 0
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(rows.count, start + Self.copyStatementRows)]
                inserted += try insertChunk(table, rows: chunk, connection: connection)
                start += Self.copyStatementRows
            }
        }
        return inserted
    }

    private func insertChunk(_ table: CopyTable, rows: ArraySlice<CopyRow>, connection: PostgresConnection) throws
        -> Int
    {
        var names = table.columns.map { "\"\($0.name)\"" }
        let indexed = table == .messages || table == .memories
        if indexed { names += ["words", "word_count", "grams"] }
        var bindings = PostgresBindings(capacity: rows.count * names.count)
        var tuples: [String] = []
        for row in rows {
            var slots: [String] = []
            for (index, column) in table.columns.enumerated() {
                let value = table.links.contains(column.name) ? .null : row[index]
                try Self.bind(value, into: &bindings)
                slots.append(column.kind == .json ? "$\(bindings.count)::jsonb" : "$\(bindings.count)")
            }
            if indexed {
                let (main, aside) = table == .messages ? (row[5].text, row[6].text) : (row[2].text, row[15].text)
                let words = PostgresText.Words(main: main ?? "", aside: aside)
                bindings.append(words.main)
                bindings.append(words.aside)
                slots.append(PostgresText.wordsSQL("$\(bindings.count - 1)", "$\(bindings.count)"))
                bindings.append(words.count)
                slots.append("$\(bindings.count)")
                bindings.append(words.grams)
                slots.append(PostgresText.gramsSQL("$\(bindings.count)"))
            }
            tuples.append("(" + slots.joined(separator: ", ") + ")")
        }
        let sql =
            "INSERT INTO \(table.name) (\(names.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", ")) ON CONFLICT DO NOTHING"
        return try connection.run(PostgresQuery(unsafeSQL: sql, binds: bindings)).metadata.rows ?? 0
    }

    func copyLinks(_ table: CopyTable, rows: [CopyRow]) throws {
        guard !table.links.isEmpty else { return }
        let positions = table.links.compactMap { link in table.columns.firstIndex { $0.name == link } }
        try write { connection in
            for row in rows where positions.contains(where: { row[$0] != .null }) {
                var bindings = PostgresBindings()
                for position in positions { try Self.bind(row[position], into: &bindings) }
                try Self.bind(row[0], into: &bindings)
                let assignments = table.links.enumerated().map { "\"\($1)\" = $\($0 + 1)::bigint" }
                    .joined(separator: ", ")
                _ = try connection.run(
                    PostgresQuery(
                        unsafeSQL:
                            "UPDATE \(table.name) SET \(assignments) WHERE \(table.key) = $\(positions.count + 1)",
                        binds: bindings))
            }
        }
    }

    func copyCount(_ table: CopyTable) throws -> Int {
        try read { connection in
            let count = try connection.run("SELECT count(*)::bigint FROM \(unescaped: table.name)").rows.first?
                .decode(Int64.self)
            return Int(count ?? 0)
        }
    }

    func finishCopy() throws {
        try write { connection in
            for table in CopyTable.all where table.pagedByID && table != .memorySources {
                _ = try connection.run(
                    """
                    SELECT setval(pg_get_serial_sequence(\(table.name), 'id'),
                                  COALESCE((SELECT max(id) FROM \(unescaped: table.name)), 0) + 1, false)
                    """)
            }
            _ = try connection.run(
                "SELECT setval(pg_get_serial_sequence('memory_sources', 'id'), COALESCE((SELECT max(id) FROM memory_sources), 0) + 1, false)"
            )
            for kind in ["messages", "memories"] {
                _ = try connection.run(
                    """
                    UPDATE word_stats SET documents = (SELECT count(*) FROM \(unescaped: kind)),
                        words = (SELECT COALESCE(sum(word_count), 0) FROM \(unescaped: kind))
                    WHERE kind = \(kind)
                    """)
            }
        }
    }

    private static func copyValue(_ cell: PostgresCell, kind: CopyTable.Kind) throws -> CopyValue {
        switch kind {
        case .integer:
            if cell.dataType == .int4 { return try cell.decode(Int32?.self).map { .integer(Int64($0)) } ?? .null }
            return try cell.decode(Int64?.self).map(CopyValue.integer) ?? .null
        case .real: return try cell.decode(Double?.self).map(CopyValue.real) ?? .null
        case .text, .json: return try cell.decode(String?.self).map(CopyValue.text) ?? .null
        case .boolean: return try cell.decode(Bool?.self).map(CopyValue.boolean) ?? .null
        case .blob: return try cell.decode(ByteBuffer?.self).map { .blob(Array($0.readableBytesView)) } ?? .null
        case .date: return try cell.decode(Date?.self).map(CopyValue.date) ?? .null
        }
    }

    private static func bind(_ value: CopyValue, into bindings: inout PostgresBindings) throws {
        switch value {
        case .null: bindings.appendNull()
        case .integer(let value): bindings.append(value)
        case .real(let value): bindings.append(value)
        case .text(let value): bindings.append(value)
        case .boolean(let value): bindings.append(value)
        case .blob(let value): bindings.append(ByteBuffer(bytes: value))
        case .date(let value): bindings.append(value)
        }
    }
}
