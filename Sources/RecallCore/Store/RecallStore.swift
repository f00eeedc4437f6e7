import Foundation

/// What the façade asks of a store, in the store's intentions: the one boundary between
/// `Recall` and a database.
///
/// Each call is one transaction or one consistent read inside the store, so no code outside a
/// store knows which database it talks to, or opens a transaction on it. Two stores conform:
/// `RecallDatabase` (the embedded SQLite file, the default) and `PostgresStore` (a server
/// shared by several machines). Every call reads and writes only `account`'s rows.
protocol RecallStore: Sendable {
    /// Whose rows every call reads and writes (see `Account`).
    var account: String { get }
    /// The same store as another account sees it: the same connections, only that account's rows.
    func acting(as account: String) -> any RecallStore

    // MARK: Importing chats

    /// Makes a batch ready to store (content hashes, vectors) without holding the write lock.
    func prepare(_ batch: [ParsedConversation], messageEncoder: (any TextEncoder)?) throws -> PreparedChats
    /// Stores a prepared batch in one transaction: new chats added, changed ones updated.
    func upsert(_ prepared: PreparedChats, run: ImportRun, bucket: String?) throws -> [ChatUpsert]
    /// Whether a chat with this export fingerprint is stored unchanged (a re-import passes over it).
    func storesChat(fingerprint: String) throws -> Bool
    /// Makes the import's row if it has none yet (an import that stored only memories).
    func recordImport(_ run: ImportRun) throws
    /// Records how an import ended in its row.
    func finishImport(_ id: Int64, summary: ImportSummary, at date: Date) throws
    /// The chats an import added or updated, by public import id.
    func chatIDs(importID: String) throws -> [Int64]

    // MARK: Chats

    /// A page of chats.
    func listChats(_ request: ChatListRequest) throws -> ChatPage
    /// A page of one conversation's messages.
    func conversation(_ request: ConversationRequest) throws -> ConversationPage
    /// Renames, pins, tags or files a chat.
    func updateChat(_ update: ChatUpdate) throws -> Chat
    /// Forgets chats, messages, memories or an import, and everything derived from them.
    func forget(_ request: ForgetRequest) throws -> ForgetResult
    /// Counts and facts about the store.
    func stats() throws -> StoreStats
    /// Chats and messages per month.
    func activityByMonth() throws -> [MonthActivity]
    /// Messages of a chat on branches other than the one shown.
    func otherBranchMessages(chatID: String) throws -> Int
    /// The row ids a memory's source names, checked to exist.
    func sourceRowIDs(_ source: MemorySource) throws -> (chat: Int64?, message: Int64?)
    /// A message with `radius` visible turns each side, or nil when it is hidden or gone.
    func window(around messageID: String, radius: Int) throws -> MessageWindow?

    // MARK: Memories

    /// Stores memories one after another in one transaction, each merged, superseding or added.
    func addMemories(_ drafts: [MemoryDraft], now: Date) throws -> MemoryBatch
    /// One memory by public id, or a not-found error.
    func memory(id: String) throws -> Memory
    /// Lists memories, keyset-paged.
    func listMemories(_ request: MemoryListRequest) throws -> MemoryPage
    /// Changes a memory; a content change supersedes it.
    func updateMemory(_ update: MemoryUpdate, now: Date) throws -> Memory

    // MARK: Extraction

    /// The visible messages of chats, in order, with their provenance.
    func extractionInputs(chatIDs: [Int64]) throws -> [ExtractionInput]
    /// Chats grouped so each group holds about `limit` messages, and the messages in all.
    func extractionGroups(_ chatIDs: [Int64], messages limit: Int) throws -> (groups: [[Int64]], messages: Int)
    /// Checks that every chat id names a stored chat and returns the row ids.
    func chatRowIDs(_ ids: [String], field: String) throws -> [Int64]
    /// Stores candidates in one transaction (rolled back on a dry run) with the memory rules.
    func store(_ candidates: [MemoryCandidate], userID: String, now: Date, dryRun: Bool, describing: Int) throws
        -> MemoryBatch
    /// A private copy of the memories where a long dry run stores batch after batch.
    func dryRunScratch() throws -> any MemoryScratch

    // MARK: API keys

    /// Stores a new key (only its hash).
    func insertKey(_ key: APIKey, hash: [UInt8]) throws
    /// Every key, newest first.
    func keys() throws -> [APIKey]
    /// One key and its hash.
    func key(id: String) throws -> (key: APIKey, hash: [UInt8])?
    /// Revokes a key; nil when there is none.
    func revokeKey(id: String, at date: Date) throws -> APIKey?
    /// Counts a request against a key in each window; the counts after it.
    func countRequest(keyID: String, windows: [String]) throws -> [Int]

    // MARK: Search

    /// Messages matching one term, scored by its evidence (bm25), keyed by place.
    func messageTermScores(_ term: SearchTerm, filters: SearchFilters, limit: Int, scanLimit: Int) throws
        -> [MessageKey: Double]
    /// Memories matching one term, scored by its evidence (bm25), keyed by row id.
    func memoryTermScores(_ term: SearchTerm, filters: SearchFilters, limit: Int, scanLimit: Int) throws
        -> [Int64: Double]
    /// Who said the turns at these places, and when.
    func turnFacts(at keys: [MessageKey]) throws -> [MessageKey: TurnFacts]
    /// The hits for the first `count` visible turns among `items`, with snippets around `words`.
    func messageHits(
        _ items: some Sequence<HitRequest<MessageKey>>, count: Int, words: String?, filters: SearchFilters
    ) throws -> [SearchHit]
    /// The hits for memories, with snippets around `words`.
    func memoryHits(_ items: some Sequence<HitRequest<Int64>>, words: String?) throws -> [SearchHit]
    /// The newest visible messages that match the filters.
    func recentMessages(filters: SearchFilters, limit: Int) throws -> [SearchHit]
    /// The newest current memories that match the filters.
    func recentMemories(filters: SearchFilters, limit: Int) throws -> [SearchHit]
    /// The chats the filters allow, or nil when they allow every chat.
    func chatsPassing(_ filters: SearchFilters) throws -> Set<Int64>?
    /// The places of visible messages, among `ids`, that the filters allow.
    func messagePlaces(_ ids: [Int64], filters: SearchFilters) throws -> [Int64: MessageKey]
    /// The current memories, among `ids`, that the filters allow.
    func memoriesPassing(_ ids: [Int64], filters: SearchFilters) throws -> Set<Int64>
    /// The messages each memory was extracted from.
    func sourceMessages(ofMemories ids: [Int64]) throws -> [Int64: [Int64]]

    // MARK: Vectors

    /// How many rows have a vector of each model.
    func vectorCoverage(messageModel: String, memoryModels: [String]) throws -> (
        messages: Int, messageVectors: Int, memories: Int, memoryVectors: [Int]
    )
    /// Visible messages after `messageID` with no vector of this model, oldest first.
    func messagesWithoutVectors(model: String, after messageID: Int64, limit: Int) throws -> [(id: Int64, text: String)]
    /// Current memories after `memoryID` with no vector of this model, oldest first.
    func memoriesWithoutVectors(model: String, after memoryID: Int64, limit: Int) throws -> [(id: Int64, text: String)]
    /// Stores vectors made for rows that had none (a nil vector marks a row with nothing to embed).
    func storeMissingVectors(_ vectors: [(rowID: Int64, vector: PackedVector?)], kind: VectorKind, model: String)
        throws
    /// The newest memory's row id (0 when none).
    func maxMemoryID() throws -> Int64
    /// The newest message's row id (0 when none).
    func maxMessageID() throws -> Int64
    /// The newest vector row of a kind (0 when none).
    func lastVectorID(_ kind: VectorKind) throws -> Int64
    /// The store's id for a model, nil when no vector of it was ever stored.
    func knownVectorModelID(_ name: String) throws -> Int64?
    /// Vectors of this account in the id range `(vectorID, last]`, at most `limit`, in id order.
    func vectorRows(_ kind: VectorKind, modelID: Int64, after vectorID: Int64, upTo last: Int64, limit: Int) throws
        -> [VectorIndex.Row]
    /// The database's own index of one model's vectors of a kind, when it has one (pgvector);
    /// nil when searches scan the vectors in memory.
    func servedVectors(_ kind: VectorKind, model: String) throws -> (any NearestVectors)?
}

/// A place to turn into a hit, with its score and what found it.
struct HitRequest<Key> {
    /// The message's place or the memory's row id.
    var key: Key
    /// Its score in the ranking.
    var score: Double
    /// What found it; nil when not reported.
    var matchedBy: [SearchHit.Evidence]?
}

/// Where a dry run over many batches stores what it finds, so it reports exactly what storing
/// would do without holding the store's write lock for the whole run.
protocol MemoryScratch {
    /// Stores candidates with the store's rules into the scratch copy.
    func store(_ candidates: [MemoryCandidate], userID: String, now: Date, describing: Int) throws -> MemoryBatch
}
