import Foundation
import Testing

@testable import RecallCore

/// Vectors go into the PostgreSQL store and come back byte for byte, with the same backlog,
/// coverage and ids as the SQLite store's.
@Suite(.enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.why))
struct PostgresStoreVectorsTests {
    typealias Pair = MemoryStorePair

    static func vector(_ seed: UInt8) -> PackedVector? {
        PackedVector(bytes: [seed, 255 &- seed, 7, 128, 0, 0, 0x80, 0x3F])
    }

    @Test func vectorsRoundTripAndCountAlike() throws {
        let pair = try Pair()
        defer { pair.close() }
        let drafts = [Pair.draft("The user drinks tea."), Pair.draft("The user owns a bike.", chat: nil)]
        _ = try pair.sqlite.addMemories(drafts, now: Pair.now(0))
        _ = try pair.postgres.addMemories(drafts, now: Pair.now(0))
        let sqliteBacklog = try pair.sqlite.messagesWithoutVectors(model: "m", after: 0, limit: 9)
        let postgresBacklog = try pair.postgres.messagesWithoutVectors(model: "m", after: 0, limit: 9)
        #expect(postgresBacklog.map(\.id) == sqliteBacklog.map(\.id))
        #expect(postgresBacklog.map(\.text) == sqliteBacklog.map(\.text))
        #expect(try pair.postgres.knownVectorModelID("m") == nil)
        let messageVectors = [
            (rowID: Int64(1), vector: Self.vector(1)), (rowID: 2, vector: nil), (rowID: 4, vector: Self.vector(4)),
        ]
        let memoryVectors = [(rowID: Int64(1), vector: Self.vector(9)), (rowID: 2, vector: Self.vector(10))]
        try pair.sqlite.storeMissingVectors(messageVectors, kind: .messages, model: "m")
        try pair.postgres.storeMissingVectors(messageVectors, kind: .messages, model: "m")
        try pair.sqlite.storeMissingVectors(memoryVectors, kind: .memories, model: "m")
        try pair.postgres.storeMissingVectors(memoryVectors, kind: .memories, model: "m")
        // A second store of the same rows changes nothing: they have vectors now.
        try pair.postgres.storeMissingVectors(messageVectors, kind: .messages, model: "m")
        let modelID = try #require(try pair.postgres.knownVectorModelID("m"))
        #expect(try pair.sqlite.knownVectorModelID("m") == modelID)
        for kind in [VectorKind.messages, .memories] {
            let last = try pair.postgres.lastVectorID(kind)
            #expect(try pair.sqlite.lastVectorID(kind) == last)
            let rows = try pair.postgres.vectorRows(kind, modelID: modelID, after: 0, upTo: last, limit: 10)
            let expected = try pair.sqlite.vectorRows(kind, modelID: modelID, after: 0, upTo: last, limit: 10)
            #expect(rows.map(\.vectorID) == expected.map(\.vectorID))
            #expect(rows.map(\.rowID) == expected.map(\.rowID))
            #expect(rows.map(\.group) == expected.map(\.group))
            #expect(rows.map(\.bytes) == expected.map(\.bytes))
            let limited = try pair.postgres.vectorRows(
                kind, modelID: modelID, after: rows[0].vectorID, upTo: last, limit: 1)
            #expect(limited.map(\.vectorID) == [rows[1].vectorID])
        }
        let stored = try pair.postgres.vectorRows(.messages, modelID: modelID, after: 0, upTo: 99, limit: 10)
        #expect(stored.map(\.bytes) == [Self.vector(1)!.bytes, [], Self.vector(4)!.bytes])
        let other = try #require(pair.postgres.acting(as: "someone") as? PostgresStore)
        #expect(try other.vectorRows(.memories, modelID: modelID, after: 0, upTo: 99, limit: 10).isEmpty)
        let sqliteCoverage = try pair.sqlite.vectorCoverage(messageModel: "m", memoryModels: ["m", "n"])
        let postgresCoverage = try pair.postgres.vectorCoverage(messageModel: "m", memoryModels: ["m", "n"])
        #expect(postgresCoverage.messages == sqliteCoverage.messages)
        #expect(postgresCoverage.messageVectors == sqliteCoverage.messageVectors)
        #expect(postgresCoverage.memories == sqliteCoverage.memories)
        #expect(postgresCoverage.memoryVectors == sqliteCoverage.memoryVectors)
        #expect(try pair.postgres.maxMemoryID() == pair.sqlite.maxMemoryID())
        #expect(try pair.postgres.maxMessageID() == pair.sqlite.maxMessageID())
        #expect(try pair.postgres.memoriesWithoutVectors(model: "n", after: 1, limit: 5).map(\.id) == [2])
        #expect(try pair.postgres.messagesWithoutVectors(model: "m", after: 0, limit: 5).isEmpty)
    }
}
