import Foundation
import GRDB

@testable import RecallCore

/// A store path in a fresh folder, and a way to fill it as the first schema version would have.
struct TemporaryStore {
    /// The folder holding the store and any backups.
    let folder: URL
    /// The store file.
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("recall.sqlite").path
    }

    /// Migrates up to the first identifier only and stores a chat, a message and a memory in
    /// that version's own terms (plain SQL, as a release of that time wrote them).
    func makeFirstVersionStore() throws {
        let pool = try DatabasePool(path: path)
        try Schema.migrator(signing: .languages).migrate(pool, upTo: Schema.migrationIDs[0])
        try pool.write { db in
            try db.execute(
                sql:
                    "INSERT INTO imports (path, platform, started_at) VALUES ('old.json', 'chatgpt', '2024-05-01 10:00:00.000')"
            )
            try db.execute(
                sql: """
                    INSERT INTO chats (platform, source_id, title, created_at, updated_at, import_id, message_count, token_count)
                    VALUES ('chatgpt', 'c1', 'Trip to Lisbon', '2024-05-01 10:00:00.000', '2024-05-01 10:05:00.000', 1, 1, 12)
                    """)
            try db.execute(
                sql: """
                    INSERT INTO messages (chat_id, source_id, role, content, created_at, position)
                    VALUES (1, 'm1', 'user', 'Where can I find the best pasteis de nata?', '2024-05-01 10:00:00.000', 0)
                    """)
            try db.execute(
                sql: """
                    INSERT INTO memories (content, normalized, type, confidence, created_at, updated_at)
                    VALUES ('Prefers window seats', 'prefers window seats', 'preference', 0.9, '2024-05-01 10:00:00.000', '2024-05-01 10:00:00.000')
                    """)
        }
        try pool.close()
    }

    /// The names of the backup copies next to the store.
    func backups() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("recall.sqlite.bak-") }
            .sorted()
    }
}
