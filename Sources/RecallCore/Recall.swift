public import Foundation
import Synchronization

/// The one API both adapters call: import, search, remember, forget.
///
/// ```swift
/// let recall = try Recall(location: .file(path))
/// let summary = try recall.importChats(ImportRequest(path: "~/Downloads/chatgpt.zip"))
/// let page = try recall.search(SearchRequest(query: "tax return"))
/// ```
///
/// The store opens lazily on first use, so an MCP server can answer `initialize` before any
/// disk work happens.
public final class Recall: Sendable {
    /// Where the store lives.
    public let location: StoreLocation
    /// The clock; tests inject a fixed one.
    public let clock: @Sendable () -> Date
    private let storage = Mutex<RecallDatabase?>(nil)

    /// How messages are ranked by their words; the defaults suit conversational memory.
    public let ranking: RankingWeights

    /// How search finds things by meaning (`.off`: by words alone).
    public let semantic: SemanticSearch

    /// The vectors of this store held in memory for search, loaded on first use.
    let vectorIndexes = VectorIndexes()

    /// Whether the first search starts giving rows without vectors theirs in the background
    /// (a long-lived server does; a one-shot command leaves it to `recall reindex`).
    public let backgroundIndexing: Bool
    let backfillStarted = Mutex(false)

    /// Creates a Recall over a store; nothing is opened (and no model read) until the first call.
    public init(
        location: StoreLocation, clock: @escaping @Sendable () -> Date = { Date() }, ranking: RankingWeights = RankingWeights(),
        semantic: SemanticSearch = .embedded, backgroundIndexing: Bool = false
    ) {
        self.location = location
        self.clock = clock
        self.ranking = ranking
        self.semantic = semantic
        self.backgroundIndexing = backgroundIndexing
    }

    /// A Recall over a fresh in-memory store, for tests and previews.
    public static func inMemory(
        clock: @escaping @Sendable () -> Date = { Date() }, ranking: RankingWeights = RankingWeights(), semantic: SemanticSearch = .embedded
    ) -> Recall {
        Recall(location: .inMemory, clock: clock, ranking: ranking, semantic: semantic)
    }

    /// The store, opened on first use and shared by every later call.
    func database() throws -> RecallDatabase {
        try storage.withLock { cached in
            if let cached { return cached }
            let opened = try RecallDatabase(location: location)
            cached = opened
            return opened
        }
    }

    /// The extractor every path uses, so `add_memory`, imports and `extract_memories` agree.
    let extractor: any FactExtractor = RuleBasedFactExtractor()
}
