import Foundation
import GRDB

/// Brings a store's schema up to date, safely when several processes open it at once and
/// with a backup copy of any store that already held data.
///
/// Recall's clients start servers in parallel (Claude Desktop starts two, Cursor a third), so
/// two processes can find the same migration pending. Each migration is one transaction; the
/// loser fails on tables the winner just made, and then sees that nothing is pending any more.
struct StoreUpgrade: Sendable {
    /// The migrations, in order.
    let migrator: DatabaseMigrator
    /// Every identifier this build knows; a store that applied others is newer than this build.
    let identifiers: [String]
    /// The clock that names backups.
    var now: @Sendable () -> Date = { Date() }

    /// How often a migration that lost a race with another process is retried.
    private static let attempts = 4

    /// Refuses a store written by a newer Recall before anything opens it for writing.
    ///
    /// Opening a
    /// pool writes (GRDB primes an empty WAL), and such a store must stay exactly as it was.
    func refuseIfNewer(path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        // Anything unreadable here is reported, with more context, by the real open that follows.
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return }
        defer { try? queue.close() }
        guard let applied = try? queue.read({ db in try migrator.appliedIdentifiers(db) }) else { return }
        try refuseUnknown(applied, location: .file(path))
    }

    private func refuseUnknown(_ applied: Set<String>, location: StoreLocation) throws {
        let unknown = applied.subtracting(identifiers)
        if !unknown.isEmpty {
            throw RecallError(
                .storeTooNew,
                "The store at \(location.displayPath) was written by a newer Recall (schema \(unknown.sorted().joined(separator: ", "))). Upgrade Recall; the store was left untouched."
            )
        }
    }

    /// Migrates, refusing a store written by a newer Recall and backing up an older one first.
    func run(_ writer: any DatabaseWriter, location: StoreLocation) throws {
        var backedUp = false
        for attempt in 1...Self.attempts {
            let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
            try refuseUnknown(applied, location: location)
            if applied.count >= identifiers.count { return }
            // A new store has nothing to lose; an older one is copied before it changes.
            if !applied.isEmpty, !backedUp, case .file(let path) = location {
                try StoreBackup.write(writer, storePath: path, version: applied.count, now: now())
                backedUp = true
            }
            do {
                try migrator.migrate(writer)
                return
            } catch {
                let after = (try? writer.read { db in try migrator.appliedIdentifiers(db) }) ?? applied
                // Another process applied migrations meanwhile: look again. Anything else is real.
                guard after.count > applied.count, attempt < Self.attempts else { throw error }
            }
        }
    }
}
