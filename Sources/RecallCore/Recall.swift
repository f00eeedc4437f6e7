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
    /// account, and no call sees another account's rows. `localAccount` unless made by `acting(as:)`.
    public let account: String
    /// Shared by every account's view of the same store, so one process opens it once.
    private let storage: Mutex<RecallDatabase?>

    /// How messages are ranked; the defaults suit conversational memory.
    public let ranking: RankingWeights

    /// Creates a Recall over a store; nothing is opened until the first call.
    public init(location: StoreLocation, clock: @escaping @Sendable () -> Date = { Date() }, ranking: RankingWeights = RankingWeights()) {
        self.location = location
        self.clock = clock
        self.ranking = ranking
        self.account = Self.localAccount
        self.storage = Mutex(nil)
        self.parent = nil
    }

    private init(sharing other: Recall, account: String) {
        location = other.location
        clock = other.clock
        ranking = other.ranking
        self.account = account
        // The opened store is looked up through `other`, so every view shares one connection pool.
        storage = Mutex(nil)
        parent = other
    }

    /// The account the CLI and the stdio server act as; data stored before accounts existed has it.
    public static let localAccount = "local"

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
    private var root: Recall { parent ?? self }
    private let parent: Recall?

    /// A Recall over a fresh in-memory store, for tests and previews.
    public static func inMemory(clock: @escaping @Sendable () -> Date = { Date() }, ranking: RankingWeights = RankingWeights()) -> Recall {
        Recall(location: .inMemory, clock: clock, ranking: ranking)
    }

    /// The store, opened on first use and shared by every later call.
    func database() throws -> RecallDatabase {
        if let parent { return try parent.database().acting(as: account) }
        return try storage.withLock { cached in
            if let cached { return cached }
            let opened = try RecallDatabase(location: location)
            cached = opened
            return opened
        }
    }

    /// The extractor every path uses, so `add_memory`, imports and `extract_memories` agree.
    let extractor: any FactExtractor = RuleBasedFactExtractor()
}
