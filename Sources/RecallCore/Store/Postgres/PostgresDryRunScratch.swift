import Foundation
import PostgresNIO

/// A private copy of the account's memories, in this process's memory, where a long dry run on
/// the PostgreSQL store stores batch after batch with the store's own rules (`MemoryRules`).
///
/// Why not one transaction held open across the run and rolled back at the end: PostgreSQL's
/// readers would not wait for it, but its writers would. Merging into a memory row-locks it, and
/// every insert row-locks the 'memories' row of `word_stats`, so every other server's memory
/// write would wait until the dry run ended. The copy is read once, in one snapshot, holds no
/// connection and no lock, and goes when the scratch does. Like the SQLite store's scratch file,
/// it reports exactly what storing would do against the store as it was when the run began.
final class PostgresDryRunScratch: MemoryScratch {
    /// The copied rows, which the rules read and write.
    private let rows: MemoryRowsCopy
    /// How a memory's signature is read.
    private let signing: FactSigning

    /// Copies `store`'s memories of its account and their extra sources.
    init(copying store: PostgresStore) throws {
        signing = store.signing
        rows = try store.read { connection in
            let account = store.account
            let records = try connection.run(
                "SELECT \(unescaped: MemoryRecord.postgresColumns) FROM memories WHERE account = \(account) ORDER BY id"
            ).rows.map(MemoryRecord.init(postgresRow:))
            let sources = try connection.run(
                """
                SELECT s.memory_id, s.chat_id, s.message_id FROM memory_sources s
                JOIN memories m ON m.id = s.memory_id WHERE m.account = \(account) ORDER BY s.id
                """
            ).rows.map { try $0.decode((Int64, Int64, Int64?).self) }
            let next = try connection.run("SELECT COALESCE(MAX(id), 0) + 1 FROM memories").rows.first?.decode(
                Int64.self)
            return MemoryRowsCopy(
                account: account, records: records, sources: sources.map { ($0.0, $0.1, $0.2) }, nextID: next ?? 1)
        }
    }

    /// Stores candidates in the copy with the store's rules; see `PostgresStore.store`.
    func store(_ candidates: [MemoryCandidate], userID: String, now: Date, describing: Int) throws -> MemoryBatch {
        try MemoryRules(rows: rows, signing: signing).store(
            candidates, userID: userID, now: now, describing: describing)
    }
}
