import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns the SQLite store: opens it, migrates it, and exposes intention-named operations.
///
/// Several processes may share one file (two Claude Desktop copies, Cursor, a terminal), so
/// the store runs in WAL mode with a busy timeout, writers take `BEGIN IMMEDIATE`
/// (GRDB's default for a pool's writer), and every write is a short transaction.
final class RecallDatabase: RecallStore {
    /// The GRDB connection (a pool for files, a queue in memory).
    let writer: any DatabaseWriter
    /// Where the store lives, for stats.
    let location: StoreLocation
    /// True when the file (or its folder, or its disk) cannot be written: reads are served,
    /// writes are refused with `readOnlyError`.
    let isReadOnly: Bool
    /// Whose rows every query reads and writes (see `Account`).
    let account: String
    /// How a memory's signature is read: what deduplication and supersession compare.
    let signing: FactSigning

    /// The same store seen by another account.
    private init(
        writer: any DatabaseWriter, location: StoreLocation, isReadOnly: Bool, account: String, signing: FactSigning
    ) {
        self.writer = writer
        self.signing = signing
        self.location = location
        self.isReadOnly = isReadOnly
        self.account = account
    }

    /// This store as `account` sees it: the same connections, only that account's rows.
    func acting(as account: String) -> any RecallStore {
        account == self.account
            ? self
            : RecallDatabase(
                writer: writer, location: location, isReadOnly: isReadOnly, account: account, signing: signing)
    }

    /// Opens (creating if needed) the store at a location and brings its schema up to date.
    ///
    /// A file that is not a Recall store is refused untouched (`StoreIdentity`); one that cannot
    /// be written is opened read-only.
    init(location: StoreLocation, signing: FactSigning) throws {
        self.location = location
        self.signing = signing
        self.account = Account.local
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another process may hold the write lock for a moment; wait instead of failing.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // Give the disk back after a big import: the WAL shrinks to this once checkpointed.
            // (GRDB already sets synchronous = NORMAL for a pool: durable across any crash of
            // the process, SIGKILL included; only a power cut may lose the last commits.)
            try db.execute(sql: "PRAGMA journal_size_limit = \(64 << 20)")
            // Forgotten text is overwritten with zeros, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        config.label = "recall"
        var readOnly = false
        do {
            switch location {
            case .inMemory:
                writer = try DatabaseQueue(configuration: config)
            case .file(let path):
                try Self.prepareFile(at: path)
                try StoreIdentity.check(path: path)
                try Schema.upgrade(signing: signing).refuseIfNewer(path: path)
                if Self.isWritable(path) {
                    writer = try Self.openPool(path, configuration: config)
                    Self.restrictPermissions(path)
                } else {
                    writer = try StoreIdentity.openReadOnly(path, configuration: config)
                    readOnly = true
                }
            case .postgres:
                throw RecallError(.internalError, "A PostgreSQL location was given to the SQLite store.")
            }
        } catch let error as RecallError {
            throw error
        } catch {
            throw RecallError(
                .storeUnavailable,
                "Cannot open the store at \(location.displayPath): \(Self.describe(error)). Check the path and its permissions, or pass another with --db or RECALL_DB."
            )
        }
        isReadOnly = readOnly
        // A read-only store cannot be upgraded; what it holds is served as it is.
        if !readOnly { try Schema.migrate(writer, location: location, signing: signing) }
    }

    /// Opens the pool, trying again when another process holds the new store's lock.
    ///
    /// Switching a
    /// new store to WAL can answer "database is locked" at once, without waiting out the busy
    /// timeout, while another process is doing the same (clients start their servers together).
    private static func openPool(_ path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 20 {
                attempt += 1
                usleep(useconds_t(20_000 * attempt))
            }
        }
    }

    /// Whether SQLite can write the store: the file, and its folder for the `-wal` and `-shm`
    /// files beside it (`access` also says no on a read-only disk).
    private static func isWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// The answer to every write on a read-only store.
    var readOnlyError: RecallError {
        RecallError(
            .storeUnavailable,
            "The store at \(location.displayPath) is read-only (the file, its folder or the disk cannot be written): reads work, but nothing can be saved, so nothing from this call was. Make it writable, or pass another store with --db or RECALL_DB."
        )
    }

    /// Creates the folder and an empty file with mode 0600 before SQLite touches it.
    private static func prepareFile(at path: String) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw RecallError(
                .storeUnavailable, "The store path \(path) is a folder; give a file path such as \(path)/recall.sqlite."
            )
        }
        do {
            // Only when missing: a read-only store's folder exists and cannot be written.
            let folder = url.deletingLastPathComponent()
            if !FileManager.default.fileExists(atPath: folder.path) {
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw RecallError(
                .storeUnavailable, "Cannot create the folder for the store at \(path): \(describe(error)).")
        }
        // O_EXCL, not FileManager.createFile: that one writes a temporary file and renames it over
        // the path, which would swap an empty file under a process that just created the store.
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw RecallError(
                .storeUnavailable, "Cannot create the store at \(path): \(String(cString: strerror(errno))).")
        }
    }

    /// Keeps the store and its WAL files private to the user: they hold personal chats.
    private static func restrictPermissions(_ path: String) {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
    }

    /// A one-line description of a GRDB or system error, without SQL or message text.
    static func describe(_ error: any Error) -> String {
        if let dbError = error as? DatabaseError {
            return "SQLite error \(dbError.resultCode.rawValue): \(dbError.message ?? "unknown")"
        }
        return "\(error)"
    }

    /// Runs a write transaction, mapping storage errors to RecallError.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        if isReadOnly { throw readOnlyError }
        do {
            return try writer.write(updates)
        } catch let error as RecallError {
            throw error
        } catch {
            throw RecallError(
                .storeUnavailable,
                "The store could not be written: \(Self.describe(error)). Nothing from this call was saved; try again.")
        }
    }

    /// Runs a read, mapping storage errors to RecallError.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(value)
        } catch let error as RecallError {
            throw error
        } catch {
            throw RecallError(.storeUnavailable, "The store could not be read: \(Self.describe(error)).")
        }
    }
}
