import Foundation
import Testing

@testable import RecallCore

/// The PostgreSQL store's search answers as the SQLite store's do, on the same rows.
@Suite(.enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.why), .serialized)
struct PostgresStoreSearchTests {
    static let now = Conversations.date(10)

    /// Two chats (one with a hidden turn, an off-branch turn, an attachment and CJK text) and
    /// memories of two namespaces.
    static func mirror() throws -> SearchMirror {
        let date = Conversations.date
        let hiking = ParsedConversation(
            platform: .chatgpt, sourceID: "c1", title: "Weekends", createdAt: date(0), updatedAt: date(1),
            messages: [
                ParsedMessage(
                    sourceID: "m0", role: .user, text: "I love hiking in the mountains near Lisbon.",
                    createdAt: date(0),
                    activePosition: 0),
                ParsedMessage(
                    sourceID: "m1", role: .assistant,
                    text: "Hiking trails near Lisbon are great; the mountains are close and the garden routes too.",
                    createdAt: date(0), activePosition: 1),
                ParsedMessage(
                    sourceID: "m2", role: .user, text: "What about my garden? My garden has tomatoes.",
                    createdAt: date(1), activePosition: 2, author: "Ana"),
                ParsedMessage(
                    sourceID: "m3", role: .assistant, text: "Hidden garden thoughts", createdAt: date(1), hidden: true,
                    activePosition: 3),
                ParsedMessage(sourceID: "m4", role: .user, text: "An older garden garden question", createdAt: date(1)),
            ])
        let notes = ParsedConversation(
            platform: .claude, sourceID: "c2", title: nil, createdAt: date(2), updatedAt: date(3),
            messages: [
                ParsedMessage(
                    sourceID: "n0", role: .user, text: "Please read my notes.", createdAt: date(2), activePosition: 0,
                    attachments: [
                        Attachment(
                            kind: .file, name: "notes.txt",
                            extractedText: "The garden budget includes tomatoes and a zebrafish aquarium.")
                    ]),
                ParsedMessage(
                    sourceID: "n1", role: .assistant, text: "Your notes mention the garden budget.", createdAt: date(2),
                    activePosition: 1),
                ParsedMessage(
                    sourceID: "n2", role: .user, text: "我很喜欢绘画、弹钢琴和品茶。", createdAt: date(3), activePosition: 2),
                ParsedMessage(
                    sourceID: "n3", role: .assistant, text: "钢琴 is piano; 品茶 means tasting tea in the garden.",
                    createdAt: date(3), activePosition: 3),
            ])
        let memories = [
            MemoryDraft(
                content: "The user grows tomatoes in a small garden", type: .preference, confidence: 0.9,
                tags: ["home", "plants"], bucket: "life", memoriesAt: date(1), sourceChatID: 1, sourceMessageID: 3),
            MemoryDraft(
                content: "The user hikes in the mountains near Lisbon every weekend", type: .fact, confidence: 0.8,
                memoriesAt: date(0), sourceChatID: 1, sourceMessageID: 1),
            MemoryDraft(content: "The user enjoys 品茶 with friends in the garden", type: .fact, confidence: 0.7),
            MemoryDraft(
                content: "A photo from the balcony", type: .note, confidence: 0.6, tags: ["home"],
                imageDescription: "Tomatoes ripening in a garden box"),
            MemoryDraft(
                content: "The garden party is on Saturday", type: .goal, confidence: 0.9, userID: "other"),
        ]
        return try SearchMirror(
            chats: [(hiking, "work", ["travel"]), (notes, nil, [])], memories: memories, now: now)
    }

    static let terms: [SearchTerm] = [
        .word("garden"), .word("tomatoes"), .word("lisbon"), .word("hiking"), .word("zebrafish"),
        .word("notes"), .word("mountains"), .word("absent"), .gram("钢琴"), .gram("茶"), .gram("品茶"),
    ]

    static let messageFilters: [SearchFilters] = [
        SearchFilters(), SearchFilters(platform: .chatgpt), SearchFilters(bucket: "work"),
        SearchFilters(tags: ["travel"]), SearchFilters(chatID: PublicID.chat.string(2)),
        SearchFilters(dateFrom: Conversations.date(1)), SearchFilters(dateTo: Conversations.date(2)),
    ]

    static let memoryFilters: [SearchFilters] = [
        SearchFilters(), SearchFilters(bucket: "life"), SearchFilters(tags: ["home"]), SearchFilters(userID: "other"),
        SearchFilters(memoryType: .fact), SearchFilters(chatID: PublicID.chat.string(1)),
        SearchFilters(platform: .chatgpt), SearchFilters(dateFrom: Conversations.date(1)),
        SearchFilters(dateTo: Conversations.date(0)),
    ]

    /// Same keys, and scores within a millionth of each other.
    static func agree<Key: Hashable>(_ sqlite: [Key: Double], _ postgres: [Key: Double]) -> Bool {
        guard Set(sqlite.keys) == Set(postgres.keys) else { return false }
        return sqlite.allSatisfy { key, score in
            abs(score - (postgres[key] ?? .nan)) <= 1e-6 * max(1, abs(score))
        }
    }

    @Test func termScoresAgreeWithBM25() throws {
        let mirror = try Self.mirror()
        defer { mirror.close() }
        var matched = 0
        for term in Self.terms {
            for filters in Self.messageFilters {
                let sqlite = try mirror.sqlite.messageTermScores(term, filters: filters, limit: 50, scanLimit: 100)
                let postgres = try mirror.postgres.messageTermScores(term, filters: filters, limit: 50, scanLimit: 100)
                #expect(Self.agree(sqlite, postgres), "\(term) \(filters): \(sqlite) vs \(postgres)")
                matched += sqlite.count
            }
            for filters in Self.memoryFilters {
                let sqlite = try mirror.sqlite.memoryTermScores(term, filters: filters, limit: 50, scanLimit: 100)
                let postgres = try mirror.postgres.memoryTermScores(term, filters: filters, limit: 50, scanLimit: 100)
                #expect(Self.agree(sqlite, postgres), "\(term) \(filters): \(sqlite) vs \(postgres)")
                matched += sqlite.count
            }
        }
        #expect(matched > 40)
    }

    @Test func aCommonTermIsScoredOnItsNewestMatches() throws {
        let mirror = try Self.mirror()
        defer { mirror.close() }
        // "garden" is in six visible turns: the newest three are scanned, the best two kept.
        let sqlite = try mirror.sqlite.messageTermScores(.word("garden"), filters: .init(), limit: 2, scanLimit: 3)
        let postgres = try mirror.postgres.messageTermScores(.word("garden"), filters: .init(), limit: 2, scanLimit: 3)
        #expect(sqlite.count == 2)
        #expect(Set(sqlite.keys) == Set(postgres.keys))
        #expect(postgres.values.allSatisfy { $0 > 0 })
    }

    @Test func aTermWithoutLexemesFindsNothing() throws {
        let mirror = try Self.mirror()
        defer { mirror.close() }
        #expect(try mirror.postgres.messageTermScores(.word("_"), filters: .init(), limit: 5, scanLimit: 5).isEmpty)
        #expect(try mirror.postgres.memoryTermScores(.word(""), filters: .init(), limit: 5, scanLimit: 5).isEmpty)
    }
}
