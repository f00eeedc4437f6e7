import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A consistent copy of a store written next to it before its schema changes, so an upgrade
/// that goes wrong (or a user who wants to go back to an older Recall) loses nothing.
///
/// The copy is named `<store>.bak-v<schema version>-<UTC time>` (e.g.
/// `recall.sqlite.bak-v1-20260131T120000Z`), is private to the user like the store, and is made
/// with `VACUUM INTO`: one read transaction, so other processes keep working meanwhile.
enum StoreBackup {
    /// Writes the copy and returns its path; throws rather than let an upgrade go ahead without it.
    @discardableResult
    static func write(_ writer: any DatabaseWriter, storePath: String, version: Int, now: Date) throws -> String {
        let path = try reserveFile(near: storePath, version: version, now: now)
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [path])
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw RecallError(
                .storeUnavailable,
                "Could not back up the store at \(storePath) before upgrading it: \(RecallDatabase.describe(error)). Free some disk space and try again; the store was left untouched."
            )
        }
        return path
    }

    /// The backup name for a store at a schema version and a time.
    static func name(for storePath: String, version: Int, at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "\(storePath).bak-v\(version)-\(formatter.string(from: date))"
    }

    /// Creates an empty file readable by the user only, with a name no other process holds:
    /// two processes upgrading at the same second each keep their own copy.
    private static func reserveFile(near storePath: String, version: Int, now: Date) throws -> String {
        let base = name(for: storePath, version: version, at: now)
        for suffix in 0..<100 {
            let candidate = suffix == 0 ? base : "\(base)-\(suffix)"
            let descriptor = open(candidate, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            if descriptor >= 0 {
                close(descriptor)
                return candidate
            }
            guard errno == EEXIST else { break }
        }
        throw RecallError(
            .storeUnavailable,
            "Could not create a backup file next to \(storePath) before upgrading it: \(String(cString: strerror(errno))). Check that its folder is writable; the store was left untouched."
        )
    }
}
