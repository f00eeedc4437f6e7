import Foundation
import Testing

@testable import RecallCore

/// The PostgreSQL store's hits, recent rows and filters match the SQLite store's on the same rows.
@Suite(.enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.why), .serialized)
struct PostgresStoreHitsTests {
    /// The words a snippet marks `**like this**`, lowercased.
    static func marked(_ snippet: String) -> Set<String> {
        let parts = snippet.components(separatedBy: "**")
        return Set(stride(from: 1, to: parts.count, by: 2).map { parts[$0].lowercased() })
    }

    /// The hits agree in every field; snippets mark the same words (their cut may differ), or
    /// are the same text when nothing is marked.
    static func expectSame(_ sqlite: [SearchHit], _ postgres: [SearchHit], _ comment: Comment) {
        #expect(sqlite.count == postgres.count, comment)
        for (left, right) in zip(sqlite, postgres) {
            var (a, b) = (left, right)
            (a.snippet, b.snippet) = ("", "")
            #expect(a == b, comment)
            let marks = marked(left.snippet)
            #expect(marks == marked(right.snippet), "\(comment): \(left.snippet) vs \(right.snippet)")
            if marks.isEmpty { #expect(left.snippet == right.snippet, comment) }
        }
    }

    static var places: [MessageKey] {
        (0..<6).map { MessageKey(chatID: 1, position: $0) } + (0..<5).map { MessageKey(chatID: 2, position: $0) }
            + [MessageKey(chatID: 9, position: 0)]
    }

    @Test func turnFactsAgree() throws {
        let mirror = try PostgresStoreSearchTests.mirror()
        defer { mirror.close() }
        let sqlite = try mirror.sqlite.turnFacts(at: Self.places)
        let postgres = try mirror.postgres.turnFacts(at: Self.places)
        #expect(sqlite.count == 8)
        #expect(Set(sqlite.keys) == Set(postgres.keys))
        for (key, facts) in sqlite {
            #expect(postgres[key]?.messageID == facts.messageID)
            #expect(postgres[key]?.author == facts.author)
            #expect(postgres[key]?.date == facts.date)
        }
    }

    @Test func messageHitsAgreeAndMarkTheWords() throws {
        let mirror = try PostgresStoreSearchTests.mirror()
        defer { mirror.close() }
        let items = Self.places.reversed().enumerated().map { index, key in
            HitRequest(key: key, score: Double(index), matchedBy: [.keyword])
        }
        for query in ["garden tomatoes", "zebrafish", "piano lisbon"] {
            let words = QueryTokens(query).matchExpression
            for filters in PostgresStoreSearchTests.messageFilters {
                for count in [3, 20] {
                    let sqlite = try mirror.sqlite.messageHits(items, count: count, words: words, filters: filters)
                    let postgres = try mirror.postgres.messageHits(items, count: count, words: words, filters: filters)
                    Self.expectSame(sqlite, postgres, "\(query) \(filters) \(count)")
                }
            }
        }
        let zebrafish = try mirror.postgres.messageHits(
            items, count: 20, words: QueryTokens("zebrafish").matchExpression, filters: .init())
        #expect(zebrafish.contains { $0.snippet.contains("**zebrafish**") })
    }

    @Test func memoryHitsAgreeAndMarkTheWords() throws {
        let mirror = try PostgresStoreSearchTests.mirror()
        defer { mirror.close() }
        let items = [4, 1, 9, 5, 2, 3].map { HitRequest(key: Int64($0), score: Double($0), matchedBy: [.meaning]) }
        for query in ["garden tomatoes", "lisbon", "balcony photo"] {
            let words = QueryTokens(query).matchExpression
            let sqlite = try mirror.sqlite.memoryHits(items, words: words)
            let postgres = try mirror.postgres.memoryHits(items, words: words)
            #expect(postgres.count == 5)
            Self.expectSame(sqlite, postgres, "\(query)")
        }
        let ripening = try mirror.postgres.memoryHits(items, words: QueryTokens("ripening").matchExpression)
        #expect(ripening.first?.snippet.contains("**ripening**") == true)
    }

    @Test func recentRowsAgree() throws {
        let mirror = try PostgresStoreSearchTests.mirror()
        defer { mirror.close() }
        for filters in PostgresStoreSearchTests.messageFilters {
            for limit in [2, 20] {
                Self.expectSame(
                    try mirror.sqlite.recentMessages(filters: filters, limit: limit),
                    try mirror.postgres.recentMessages(filters: filters, limit: limit), "\(filters) \(limit)")
            }
        }
        for filters in PostgresStoreSearchTests.memoryFilters {
            Self.expectSame(
                try mirror.sqlite.recentMemories(filters: filters, limit: 3),
                try mirror.postgres.recentMemories(filters: filters, limit: 3), "\(filters)")
        }
    }

    @Test func filtersNarrowAlike() throws {
        let mirror = try PostgresStoreSearchTests.mirror()
        defer { mirror.close() }
        let messages = Array(Int64(1)...12)
        let memories = Array(Int64(1)...7)
        for filters in PostgresStoreSearchTests.messageFilters {
            #expect(try mirror.sqlite.chatsPassing(filters) == mirror.postgres.chatsPassing(filters), "\(filters)")
            #expect(
                try mirror.sqlite.messagePlaces(messages, filters: filters)
                    == mirror.postgres.messagePlaces(messages, filters: filters), "\(filters)")
        }
        for filters in PostgresStoreSearchTests.memoryFilters {
            #expect(
                try mirror.sqlite.memoriesPassing(memories, filters: filters)
                    == mirror.postgres.memoriesPassing(memories, filters: filters), "\(filters)")
        }
        let sources = try mirror.postgres.sourceMessages(ofMemories: memories)
        #expect(sources == [1: [3], 2: [1]])
        #expect(try mirror.sqlite.sourceMessages(ofMemories: memories) == sources)
        #expect(throws: RecallError.self) {
            try mirror.postgres.messagePlaces(messages, filters: SearchFilters(chatID: "nonsense"))
        }
    }
}
