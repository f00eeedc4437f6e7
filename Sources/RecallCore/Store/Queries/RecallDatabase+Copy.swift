import Foundation
import GRDB

/// The SQLite side of `recall migrate`: rows read and written with their ids, the full-text
/// and gram indexes written beside copied text as the store's own writes do.
extension RecallDatabase: CopyableStore {
    func copyRows(_ table: CopyTable, after: Int64, limit: Int) throws -> [CopyRow] {
        let columns = table.columns.map { Self.copyColumn(table, $0.name) }.joined(separator: ", ")
        let key = Self.copyColumn(table, table.key)
        let sql =
            table.pagedByID
            ? "SELECT \(columns) FROM \(table.name) WHERE \(key) > ? ORDER BY \(key) LIMIT ?"
            : "SELECT \(columns) FROM \(table.name) ORDER BY \(key)"
        return try read { db in
            let arguments: StatementArguments = table.pagedByID ? [after, limit] : []
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                try table.columns.enumerated().map { index, column in
                    try Self.copyValue(row[index] as DatabaseValue, kind: column.kind, table: table)
                }
            }
        }
    }

    func insertCopied(_ table: CopyTable, rows: [CopyRow]) throws -> Int {
        let names = table.columns.map { "\"\(Self.copyColumn(table, $0.name))\"" }.joined(separator: ", ")
        let sql =
            "INSERT OR IGNORE INTO \(table.name) (\(names)) VALUES (\(SQLText.placeholders(table.columns.count)))"
        return try write { db in
            let statement = try db.cachedStatement(sql: sql)
            var inserted = 0
            for row in rows {
                let values = table.columns.enumerated().map { index, column in
                    table.links.contains(column.name) ? .null : Self.databaseValue(row[index], table: table)
                }
                try statement.execute(arguments: StatementArguments(values))
                guard db.changesCount > 0 else { continue }
                inserted += 1
                try indexCopied(table, row: row, db: db)
            }
            return inserted
        }
    }

    func copyLinks(_ table: CopyTable, rows: [CopyRow]) throws {
        guard !table.links.isEmpty else { return }
        let positions = table.links.compactMap { link in table.columns.firstIndex { $0.name == link } }
        let assignments = table.links.map { "\"\($0)\" = ?" }.joined(separator: ", ")
        try write { db in
            let statement = try db.cachedStatement(
                sql: "UPDATE \(table.name) SET \(assignments) WHERE \(table.key) = ?")
            for row in rows {
                let values = positions.map { Self.databaseValue(row[$0], table: table) }
                try statement.execute(
                    arguments: StatementArguments(values + [Self.databaseValue(row[0], table: table)]))
            }
        }
    }

    func copyCount(_ table: CopyTable) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0 }
    }

    /// Nothing to do: SQLite's AUTOINCREMENT follows the largest id inserted, and the indexes
    /// were written row by row.
    func finishCopy() throws {}

    /// The word and gram index rows of a copied message or memory (the memories' word index
    /// has its insert trigger; messages' and the gram indexes are written by the store).
    private func indexCopied(_ table: CopyTable, row: CopyRow, db: Database) throws {
        guard let id = row[0].integer else { return }
        switch table {
        case .messages:
            let content = row[5].text ?? ""
            let attachment = row[6].text
            try db.cachedStatement(sql: "INSERT INTO messages_fts (rowid, content, attachment_text) VALUES (?, ?, ?)")
                .execute(arguments: [id, content, attachment])
            try CJKIndex.indexNew(message: id, text: attachment.map { content + "\n" + $0 } ?? content, db: db)
        case .memories:
            let content = row[2].text ?? ""
            let description = row[15].text
            try CJKIndex.index(memory: id, text: description.map { content + "\n" + $0 } ?? content, db: db)
        default:
            break
        }
    }

    /// A column's name in SQLite: a memory source's id is its rowid.
    private static func copyColumn(_ table: CopyTable, _ name: String) -> String {
        table == .memorySources && name == "id" ? "rowid" : name
    }

    private static func copyValue(_ value: DatabaseValue, kind: CopyTable.Kind, table: CopyTable) throws -> CopyValue {
        if value.isNull { return .null }
        switch kind {
        case .integer: return Int64.fromDatabaseValue(value).map(CopyValue.integer) ?? .null
        case .real: return Double.fromDatabaseValue(value).map(CopyValue.real) ?? .null
        case .text, .json: return String.fromDatabaseValue(value).map(CopyValue.text) ?? .null
        case .boolean: return Bool.fromDatabaseValue(value).map(CopyValue.boolean) ?? .null
        case .blob: return Data.fromDatabaseValue(value).map { .blob([UInt8]($0)) } ?? .null
        case .date:
            if let text = String.fromDatabaseValue(value), let date = ISO8601Timestamp.date(from: text) {
                return .date(date)
            }
            guard let date = Date.fromDatabaseValue(value) else {
                throw RecallError(
                    .storeUnavailable, "A date in \(table.name) could not be read; the copy stopped before it.")
            }
            return .date(date)
        }
    }

    /// A value as this table stores it: memories keep dates as proleptic Gregorian text.
    private static func databaseValue(_ value: CopyValue, table: CopyTable) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .boolean(let value): value.databaseValue
        case .blob(let value): Data(value).databaseValue
        case .date(let value):
            table == .memories ? ProlepticGregorian.storageText(value).databaseValue : value.databaseValue
        }
    }
}
