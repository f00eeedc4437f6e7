import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises Recall's own stores before anything writes to a file, so that a `--db` pointed at
/// another application's SQLite file never gets Recall's tables, a WAL, or a new mode.
///
/// A store is opened only when it is empty (no bytes, or a database with no tables yet but the
/// migration table: another Recall process may be creating it this very moment), carries
/// Recall's `application_id`, or is a store made before Recall set one (its migration table
/// names Recall's first migration).
/// Anything else is refused with its path and left byte for byte as it was.
enum StoreIdentity {
    /// `PRAGMA application_id` of every Recall store: "RCLL" in ASCII.
    static let applicationID: Int32 = 0x5243_4C4C

    /// Throws unless the file at `path` may be opened as a Recall store.
    static func check(path: String) throws {
        guard let header = try header(of: path), !header.isEmpty else { return }
        let magic = Array("SQLite format 3\0".utf8)
        guard header.count >= 100, Array(header.prefix(16)) == magic else {
            throw foreign(path, "it is not a SQLite database")
        }
        let stamped = header[68..<72].reduce(Int32(0)) { ($0 << 8) | Int32($1) }
        if stamped == applicationID { return }
        guard stamped == 0 else { throw foreign(path, "it belongs to another application (application id \(stamped))") }
        // No id in the file's header: look at the schema. The newest page 1 may still be in the
        // WAL, which only SQLite reads, so ask it, read-only.
        let queue: DatabaseQueue
        do {
            queue = try StoreIdentity.openReadOnly(path)
        } catch {
            throw RecallError(
                .storeUnavailable,
                "Cannot read the file at \(path) to check that it is a Recall store: \(RecallDatabase.describe(error)). Recall did not change it; check its permissions, or pass another store with --db or RECALL_DB."
            )
        }
        defer { try? queue.close() }
        let recognized: Bool
        do {
            recognized = try queue.read { db in
                if try Int32.fetchOne(db, sql: "PRAGMA application_id") == applicationID { return true }
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                // Empty, or another Recall process creating it right now: the migration table
                // comes first, in a transaction of its own.
                if tables.allSatisfy({ $0 == "grdb_migrations" }) { return true }
                guard tables.contains("grdb_migrations") else { return false }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                return applied.contains(Schema.migrationIDs[0])
            }
        } catch {
            throw RecallError(
                .storeUnavailable,
                "Cannot read the file at \(path) to check that it is a Recall store: \(RecallDatabase.describe(error)). Recall did not change it."
            )
        }
        guard recognized else { throw foreign(path, "it holds another application's tables") }
    }

    /// Opens a store read-only: directly when SQLite can share it, else as immutable, which a
    /// read-only folder or disk needs (SQLite cannot create the `-shm` file there).
    static func openReadOnly(_ path: String, configuration base: Configuration = Configuration()) throws
        -> DatabaseQueue
    {
        var configuration = base
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch {
            let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            guard let queue = try? DatabaseQueue(path: "file:\(escaped)?immutable=1", configuration: configuration),
                (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }) != nil
            else { throw error }
            return queue
        }
    }

    /// The file's first 100 bytes (the SQLite header), read without blocking; nil when there is
    /// no file.
    ///
    /// Refuses anything that is not a regular file.
    private static func header(of path: String) throws -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            // Missing or unreadable: the open that follows says which, with more context.
            return nil
        }
        defer { close(descriptor) }
        guard RegularFile.isRegular(descriptor: descriptor) else {
            throw foreign(path, "it is not a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: 100)
        let count = read(descriptor, &bytes, bytes.count)
        return count > 0 ? Array(bytes.prefix(count)) : []
    }

    private static func foreign(_ path: String, _ reason: String) -> RecallError {
        RecallError(
            .storeUnavailable,
            "The file at \(path) is not a Recall store (\(reason)), so Recall did not open or change it. Pass a new or empty file, or an existing Recall store, with --db or RECALL_DB."
        )
    }
}
