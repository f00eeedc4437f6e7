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
    /// Whose data this Recall reads and writes: every chat, import and memory carries an
    /// account, and no call sees another account's rows.
    ///
    /// `localAccount` unless made by `acting(as:)`.
    public let account: String
    /// Shared by every account's view of the same store, so one process opens it once.
    private let storage: Mutex<(any RecallStore)?>

    /// How messages are ranked by their words; the defaults suit conversational memory.
    public let ranking: RankingWeights

    /// How search finds things by meaning (`.off`: by words alone).
    public let semantic: SemanticSearch

    /// The vectors of this store held in memory for search, loaded on first use.
    ///
    /// Every
    /// account's view shares them; each account's rows are indexes of their own.
    let vectorIndexes: VectorIndexes

    /// Whether the first search starts giving rows without vectors theirs in the background
    /// (a long-lived server does; a one-shot command leaves it to `recall reindex`).
    public let backgroundIndexing: Bool
    /// Set once the back-fill started; only the Recall that owns the store uses it (see `root`).
    let backfillStarted = Mutex(false)

    /// Creates a Recall over a store; nothing is opened (and no model read) until the first call.
    public init(
        location: StoreLocation, clock: @escaping @Sendable () -> Date = { Date() },
        ranking: RankingWeights = RankingWeights(),
        semantic: SemanticSearch = .embedded, backgroundIndexing: Bool = false
    ) {
        self.location = location
        self.clock = clock
        self.ranking = ranking
        self.semantic = semantic
        self.backgroundIndexing = backgroundIndexing
        self.account = Self.localAccount
        self.storage = Mutex(nil)
        self.vectorIndexes = VectorIndexes()
        self.parent = nil
    }

    private init(sharing other: Recall, account: String) {
        location = other.location
        clock = other.clock
        ranking = other.ranking
        semantic = other.semantic
        backgroundIndexing = other.backgroundIndexing
        self.account = account
        // One process loads a store's vectors once, whichever account searches.
        vectorIndexes = other.vectorIndexes
        // The opened store is looked up through `other`, so every view shares one connection pool.
        storage = Mutex(nil)
        parent = other
    }

    /// The account the CLI and the stdio server act as (`Account.local`).
    public static let localAccount = Account.local

    /// The view of the same store that reads and writes only `account`'s data.
    ///
    /// ```swift
    /// let alice = recall.acting(as: "alice")
    /// try alice.search(SearchRequest(query: "tax"))   // never finds another account's rows
    /// ```
    public func acting(as account: String) -> Recall {
        account == self.account ? self : Recall(sharing: root, account: account)
    }

    /// The Recall that owns the opened store.
    var root: Recall { parent ?? self }
    private let parent: Recall?

    /// A Recall over a fresh in-memory store, for tests and previews.
    public static func inMemory(
        clock: @escaping @Sendable () -> Date = { Date() }, ranking: RankingWeights = RankingWeights(),
        semantic: SemanticSearch = .embedded
    ) -> Recall {
        Recall(location: .inMemory, clock: clock, ranking: ranking, semantic: semantic)
    }

    /// The store, opened on first use and shared by every later call.
    func database() throws -> any RecallStore {
        if let parent { return try parent.database().acting(as: account) }
        return try storage.withLock { cached in
            if let cached { return cached }
            let opened = try Self.openStore(location)
            cached = opened
            return opened
        }
    }

    /// The extractor every path uses, so `add_memory`, imports and `extract_memories` agree.
    let extractor: any FactExtractor = RuleBasedFactExtractor()
}
