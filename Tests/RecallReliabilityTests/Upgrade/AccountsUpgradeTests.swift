import Foundation
import GRDB
import Testing

@testable import RecallCore

/// A store written before accounts, with vectors beside its rows, upgrades with nothing lost:
/// the local account owns every row, the vectors still answer by meaning, another account
/// sees none of it.
@Suite struct AccountsUpgradeTests {
    /// Two words mean the same; anything else is unrelated (a two-concept stand-in for a model).
    struct PetEncoder: TextEncoder {
        let modelID = "pet-test-v1"
        let unrelatedSimilarity = 0.0

        func vector(for text: String) -> PackedVector? {
            let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
            let pets = words.filter { ["puppy", "pet", "dog"].contains($0) }.count
            return pets == 0 ? nil : PackedVector(components: [Float(pets), 0.1])
        }
    }

    @Test func aStoreWithVectorsFromBeforeAccountsKeepsThemForTheLocalAccount() throws {
        let store = try TemporaryStore()
        let pool = try DatabasePool(path: store.path)
        try Schema.migrator(signing: .languages).migrate(pool, upTo: "v7-memory-slots-set-qualifiers-aside")
        let vector = try #require(PetEncoder().vector(for: "puppy"))
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO chats (platform, source_id, title, created_at, updated_at, message_count, token_count)
                    VALUES ('claude', 'c1', 'Home', '2024-05-01 10:00:00.000', '2024-05-01 10:00:00.000', 1, 6)
                    """)
            try db.execute(
                sql: """
                    INSERT INTO messages (chat_id, source_id, role, content, created_at, position)
                    VALUES (1, 'm1', 'user', 'My puppy chewed the sofa.', '2024-05-01 10:00:00.000', 0)
                    """)
            try db.execute(sql: "INSERT INTO vector_models (name) VALUES ('pet-test-v1')")
            try db.execute(
                sql: "INSERT INTO message_vectors (message_id, model_id, vector) VALUES (1, 1, ?)",
                arguments: [Data(vector.bytes)])
        }
        try pool.close()

        let semantic = SemanticSearch(messageEncoder: PetEncoder(), memoryEncoders: [])
        let recall = Recall(location: .file(store.path), semantic: semantic)
        let hits = try recall.search(SearchRequest(query: "pet", scope: .messages)).results
        #expect(hits.map(\.sourceMessageID) == ["m1"])
        #expect(hits.first?.matchedBy == [.meaning], "found by the vector stored before the upgrade")
        #expect(try recall.acting(as: "alice").search(SearchRequest(query: "pet", scope: .messages)).results.isEmpty)
        #expect(try recall.reindex().messagesEmbedded == 0, "the vector survived the rebuilt chats table")
        #expect(try store.backups().count == 1)
    }
}
