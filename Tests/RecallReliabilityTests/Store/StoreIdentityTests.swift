import Foundation
import GRDB
import Testing

@testable import RecallCore

/// `--db` pointed at the wrong file: another application's database, or no database at all, is
/// refused with its path and left byte for byte and mode for mode as it was.
///
/// Recall's own stores
/// carry its `application_id`; stores made before it did are recognised and stamped.
@Suite struct StoreIdentityTests {
    /// The file's bytes, mode and neighbours, to prove nothing changed.
    struct Snapshot: Equatable {
        var bytes: Data
        var mode: Int
        var neighbours: [String]

        init(_ path: String) throws {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            mode =
                try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
            let folder = (path as NSString).deletingLastPathComponent
            neighbours = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        }
    }

    func refuses(_ path: String, _ reason: String) throws {
        let before = try Snapshot(path)
        let recall = Recall(location: .file(path))
        let error = #expect(throws: RecallError.self) { try recall.stats() }
        #expect(error?.code == .storeUnavailable)
        #expect(error?.message.contains("The file at \(path) is not a Recall store (\(reason))") == true)
        // Writes are refused the same way, and nothing was added, stamped or chmod-ed.
        #expect(throws: RecallError.self) { try recall.addMemory(AddMemoryRequest(content: "The user likes tea.")) }
        #expect(try Snapshot(path) == before)
    }

    @Test func anotherApplicationsDatabaseIsRefusedUntouched() throws {
        let store = try TemporaryStore()
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(
                sql: "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.com')")
        }
        try queue.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store.path)
        try refuses(store.path, "it holds another application's tables")
    }

    @Test func aDatabaseStampedByAnotherApplicationIsRefusedUntouched() throws {
        let store = try TemporaryStore()
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in try db.execute(sql: "PRAGMA application_id = 1234") }
        try queue.close()
        try refuses(store.path, "it belongs to another application (application id 1234)")
    }

    @Test func aFileThatIsNoDatabaseIsRefusedUntouched() throws {
        let store = try TemporaryStore()
        try Data("my shopping list\n".utf8).write(to: URL(fileURLWithPath: store.path))
        try refuses(store.path, "it is not a SQLite database")
    }

    @Test func aNewOrEmptyFileBecomesAStoreStampedAsRecalls() throws {
        let store = try TemporaryStore()
        #expect(FileManager.default.createFile(atPath: store.path, contents: Data()))
        let recall = Recall(location: .file(store.path))
        _ = try recall.addMemory(AddMemoryRequest(content: "The user likes tea."))
        let queue = try DatabaseQueue(path: store.path)
        defer { try? queue.close() }
        #expect(
            try queue.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") } == StoreIdentity.applicationID
        )
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA secure_delete") } == 1)
    }

    @Test func aStoreFromBeforeTheStampIsRecognisedAndStamped() throws {
        let store = try TemporaryStore()
        try store.makeFirstVersionStore()
        let unstamped = try DatabaseQueue(path: store.path)
        #expect(try unstamped.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") } == 0)
        try unstamped.close()
        let recall = Recall(location: .file(store.path))
        #expect(try recall.listChats(ChatListRequest()).items.map(\.title) == ["Trip to Lisbon"])
        let stamped = try DatabaseQueue(path: store.path)
        defer { try? stamped.close() }
        #expect(
            try stamped.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
                == StoreIdentity.applicationID)
    }

    @Test func aFIFOGivenAsTheStoreIsRefusedWithoutWaiting() throws {
        let store = try TemporaryStore()
        #expect(mkfifo(store.path, 0o600) == 0)
        let error = #expect(throws: RecallError.self) { try Recall(location: .file(store.path)).stats() }
        #expect(error?.message.contains("it is not a regular file") == true)
    }
}
