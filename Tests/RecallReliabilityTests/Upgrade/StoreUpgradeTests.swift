import Foundation
import GRDB
import Synchronization
import Testing

@testable import RecallCore

/// Stores written by older and newer Recalls: an older one is backed up, then upgraded with
/// its data intact; a newer one is refused and left byte for byte as it was.
@Suite struct StoreUpgradeTests {
    @Test func aFirstVersionStoreOpensWithItsDataAndIsBackedUpIfMigrationsArePending() throws {
        let store = try TemporaryStore()
        try store.makeFirstVersionStore()
        let recall = Recall(location: .file(store.path))
        let chats = try recall.listChats(ChatListRequest())
        #expect(chats.items.map(\.title) == ["Trip to Lisbon"])
        #expect(try recall.search(SearchRequest(query: "pasteis", scope: .messages)).results.count == 1)
        #expect(try recall.listMemories(MemoryListRequest()).memories.map(\.content) == ["Prefers window seats"])
        let backups = try store.backups()
        if Schema.migrationIDs.count > 1 {
            #expect(backups.count == 1)
            #expect(backups.first?.hasPrefix("recall.sqlite.bak-v1-") == true)
        } else {
            // Nothing was pending, so nothing was copied.
            #expect(backups.isEmpty)
        }
    }

    @Test func messagesStoredAfterAnUpgradeAreIndexedOnce() throws {
        let store = try TemporaryStore()
        try store.makeFirstVersionStore()
        let recall = Recall(location: .file(store.path))
        let message = ParsedMessage(
            sourceID: "m1", role: .user, text: "Packing list for the pasteis tour", activePosition: 0)
        _ = try recall.importConversations(
            [ParsedConversation(platform: .claude, sourceID: "new", title: "Packing", messages: [message])],
            label: "test")
        #expect(try recall.search(SearchRequest(query: "pasteis", scope: .messages)).results.count == 2)
        #expect(try recall.search(SearchRequest(query: "packing", scope: .messages)).results.count == 1)
        let pool = try DatabasePool(path: store.path)
        defer { try? pool.close() }
        // The upgrade moved indexing from a trigger into the insert: each word of the new
        // message is indexed, once, and the old message's index survived.
        let occurrences = try pool.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, 'messages_fts', 'row')")
            return try Row.fetchAll(
                db, sql: "SELECT term, cnt FROM temp.words WHERE term IN ('pack', 'list', 'tour', 'pastei')"
            )
            .reduce(into: [String: Int]()) { $0[$1[0]] = $1[1] }
        }
        #expect(occurrences == ["pack": 1, "list": 1, "tour": 1, "pastei": 2])
        try pool.write { db in try db.execute(sql: "INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")
        }
    }

    @Test func aPendingMigrationIsPrecededByABackupOfTheOldSchema() throws {
        let store = try TemporaryStore()
        try store.makeFirstVersionStore()
        let upgrade = StoreUpgrade(
            migrator: Self.migratorWithExtraStep, identifiers: Schema.migrationIDs + ["test-extra-column"])
        let pool = try DatabasePool(path: store.path)
        try upgrade.run(pool, location: .file(store.path))
        let upgradedColumns = try pool.read { db in try db.columns(in: "chats").map(\.name) }
        #expect(upgradedColumns.contains("test_extra"))
        let title = try pool.read { db in try String.fetchOne(db, sql: "SELECT title FROM chats") }
        #expect(title == "Trip to Lisbon")
        try pool.close()

        let backups = try store.backups()
        #expect(backups.count == 1)
        let backup = store.folder.appendingPathComponent(try #require(backups.first)).path
        let attributes = try FileManager.default.attributesOfItem(atPath: backup)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let copy = try DatabaseQueue(path: backup)
        let (columns, backedUpTitle, integrity) = try copy.read { db in
            (
                try db.columns(in: "chats").map(\.name), try String.fetchOne(db, sql: "SELECT title FROM chats"),
                try String.fetchOne(db, sql: "PRAGMA integrity_check")
            )
        }
        #expect(!columns.contains("test_extra"))
        #expect(backedUpTitle == "Trip to Lisbon")
        #expect(integrity == "ok")
    }

    @Test func processesRacingToUpgradeOneStoreAllSucceed() throws {
        let store = try TemporaryStore()
        try store.makeFirstVersionStore()
        let upgrade = StoreUpgrade(
            migrator: Self.migratorWithExtraStep, identifiers: Schema.migrationIDs + ["test-extra-column"])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let pool = try DatabasePool(path: store.path, configuration: Self.waitingConfiguration)
                try upgrade.run(pool, location: .file(store.path))
                try pool.close()
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let pool = try DatabasePool(path: store.path)
        let applied = try pool.read { db in try Self.migratorWithExtraStep.appliedIdentifiers(db) }
        #expect(applied.count == Schema.migrationIDs.count + 1)
    }

    @Test func memoriesStoredBeforeTakeTheSlotsTheyWouldGetNow() throws {
        let store = try TemporaryStore()
        let pool = try DatabasePool(path: store.path)
        try Schema.migrator(signing: .languages).migrate(pool, upTo: "v4-message-index-written-by-import")
        // Stored when a trailing qualifier was part of the slot.
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO memories (content, normalized, type, confidence, created_at, updated_at, user_id, gist, slot)
                    VALUES ('The user hates Chinese food these days.', 'the user hates chinese food these days', 'preference', 0.8,
                            '2024-01-01 00:00:00.000', '2024-01-01 00:00:00.000', 'default', 'user hate chinese food these day',
                            'likes chinese food these day')
                    """)
        }
        try pool.close()
        let recall = Recall(location: .file(store.path))
        let liked = try recall.addMemory(AddMemoryRequest(content: "The user likes Chinese food."))
        #expect(liked.superseded == 1)
        #expect(
            try recall.listMemories(MemoryListRequest()).memories.map(\.content) == ["The user likes Chinese food."])
    }

    @Test func aNewStoreIsNotBackedUp() throws {
        let store = try TemporaryStore()
        _ = try Recall(location: .file(store.path)).stats()
        #expect(try store.backups().isEmpty)
    }

    @Test func aStoreFromANewerRecallIsRefusedAndLeftUntouched() throws {
        let store = try TemporaryStore()
        try store.makeFirstVersionStore()
        let pool = try DatabasePool(path: store.path)
        try Schema.migrator(signing: .languages).migrate(pool)
        try pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        try pool.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))

        do {
            _ = try Recall(location: .file(store.path)).listChats(ChatListRequest())
            Issue.record("a store from a newer Recall was opened")
        } catch let error as RecallError {
            #expect(error.code == .storeTooNew)
            #expect(error.message.contains("v99-from-the-future") && error.message.contains("Upgrade Recall"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
        #expect(try store.backups().isEmpty)
    }

    /// Other processes hold the write lock for a moment; wait as the real store does.
    static var waitingConfiguration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return configuration
    }

    /// Today's migrations plus one more, standing in for the next release's.
    static var migratorWithExtraStep: DatabaseMigrator {
        var migrator = Schema.migrator(signing: .languages)
        migrator.registerMigration("test-extra-column") { db in
            try db.alter(table: "chats") { t in t.add(column: "test_extra", .text) }
        }
        return migrator
    }
}
