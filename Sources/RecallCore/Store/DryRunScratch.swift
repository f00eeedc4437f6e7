import Foundation
import GRDB

/// A private copy of the store's memories, in a temporary file, where a dry run over many
/// messages stores what it finds batch after batch.
///
/// A dry run must report exactly what storing would do, including what its own earlier
/// candidates change (a fact found twice is new once, then a duplicate). Doing that in the store
/// means one transaction held open for the whole run, which keeps every other writer (another
/// server, the CLI) waiting past its timeout. The copy takes the store's memories once, in one
/// read, and the run writes only to it; the file goes when the scratch does.
final class DryRunScratch: MemoryScratch {
    private let queue: DatabaseQueue
    private let path: String
    /// The store whose rules (deduplication, supersession) the copy is written with.
    private let rules: RecallDatabase

    /// Copies `database`'s memories and their sources into a new scratch file.
    init(copying database: RecallDatabase) throws {
        rules = database
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("recall-dry-run-\(UUID().uuidString).sqlite")
        var config = Configuration()
        // Chats and messages are not copied: the memories' references to them stay unchecked.
        config.foreignKeysEnabled = false
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
            try Schema.migrator(signing: database.signing).migrate(queue)
            try database.read { source in
                try queue.write { target in
                    // The copy is only compared against, never searched: no full-text index for it.
                    for trigger in ["__memories_fts_ai", "__memories_fts_au", "__memories_fts_ad"] {
                        try target.execute(sql: "DROP TRIGGER IF EXISTS \"\(trigger)\"")
                    }
                    try Self.copy("memories", from: source, to: target)
                    try Self.copy("memory_sources", from: source, to: target)
                }
            }
        } catch let error as RecallError {
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw RecallError(
                .storeUnavailable, "A dry run could not set up its scratch copy: \(RecallDatabase.describe(error)).")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Stores candidates in the copy with the store's own rules; see `RecallDatabase.store`.
    func store(_ candidates: [MemoryCandidate], userID: String, now: Date, describing: Int) throws -> MemoryBatch {
        do {
            return try queue.write { db in
                try RecallDatabase.store(
                    candidates, userID: userID, now: now, describing: describing, into: rules, db: db)
            }
        } catch let error as RecallError {
            throw error
        } catch {
            throw RecallError(
                .storeUnavailable, "A dry run could not write its scratch copy: \(RecallDatabase.describe(error)).")
        }
    }

    /// Copies every row of a table, one prepared insert per row, at flat memory.
    private static func copy(_ table: String, from source: Database, to target: Database) throws {
        let rows = try Row.fetchCursor(source, sql: "SELECT * FROM \(table)")
        var insert: Statement?
        while let row = try rows.next() {
            if insert == nil {
                let columns = row.columnNames.map { "\"\($0)\"" }.joined(separator: ", ")
                insert = try target.makeStatement(
                    sql: "INSERT INTO \(table) (\(columns)) VALUES (\(SQLText.placeholders(row.count)))")
            }
            try insert?.execute(arguments: StatementArguments(row.databaseValues))
        }
    }
}
