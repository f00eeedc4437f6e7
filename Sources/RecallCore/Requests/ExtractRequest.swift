import Foundation

/// Runs fact extraction over chats, an import, or free text.
public struct ExtractRequest: Sendable, Equatable {
    /// Chats to read.
    public var chatIDs: [String]
    /// An import whose chats to read.
    public var importID: String?
    /// Free text, read as one user message.
    public var text: String?
    /// Return candidates without storing them.
    public var dryRun: Bool
    /// The user namespace to store into.
    public var userID: String?
    /// Facts another model proposed for these messages; each is checked against the messages and
    /// joins the rule-based candidates only if it passes.
    public var proposals: [FactProposal]?
    /// How many candidates (and their memories) the result lists; the counts cover them all.
    ///
    /// nil lists every one. A bound keeps a run over a whole import at flat memory.
    public var listLimit: Int?

    /// Creates a request; give chats, an import or text.
    public init(
        chatIDs: [String] = [], importID: String? = nil, text: String? = nil, dryRun: Bool = false,
        userID: String? = nil,
        proposals: [FactProposal]? = nil, listLimit: Int? = ExtractRequest.defaultListLimit
    ) {
        self.chatIDs = chatIDs
        self.importID = importID
        self.text = text
        self.dryRun = dryRun
        self.userID = userID
        self.proposals = proposals
        self.listLimit = listLimit
    }

    /// The candidates a result lists unless told otherwise.
    public static let defaultListLimit = 200
}

/// How far an extraction has come, reported after each batch it stores.
public struct ExtractProgress: Sendable, Equatable {
    /// Messages read so far.
    public var messagesScanned: Int
    /// Messages the run will read in all.
    public var totalMessages: Int
    /// Candidates found so far.
    public var candidatesFound: Int

    /// Creates a progress report.
    public init(messagesScanned: Int, totalMessages: Int, candidatesFound: Int) {
        self.messagesScanned = messagesScanned
        self.totalMessages = totalMessages
        self.candidatesFound = candidatesFound
    }
}

/// What extraction found and stored.
public struct ExtractResult: Sendable, Codable, Equatable {
    /// True when nothing was stored.
    public var dryRun: Bool
    /// Messages read.
    public var messagesScanned: Int
    /// Candidates found in all, kept and dropped.
    public var candidatesFound: Int
    /// The candidates found, in order: on a dry run every one, kept or dropped, each with its
    /// verdict and reason; otherwise the kept ones (the dropped are counted in `dropped`).
    ///
    /// All of
    /// them, or the first `ExtractRequest.listLimit`.
    public var candidates: [MemoryCandidate]
    /// The memories the listed candidates stored or strengthened (empty on a dry run).
    public var memories: [Memory]
    /// New memories (on a dry run: that storing would add).
    public var added: Int
    /// Candidates that merged into existing memories or were already known.
    public var merged: Int
    /// Current memories that new ones superseded.
    public var superseded: Int
    /// Candidates judged not worth keeping (requests, descriptions of code, the task of the moment).
    public var dropped: Int
    /// How a model's proposals fared, when one was asked.
    public var sampling: SamplingReport?
    /// Says so when the lists show only some of the candidates.
    public var note: String?

    /// Creates a result.
    public init(
        dryRun: Bool, messagesScanned: Int, candidates: [MemoryCandidate], memories: [Memory], added: Int = 0,
        merged: Int = 0,
        superseded: Int = 0, dropped: Int = 0, sampling: SamplingReport? = nil, candidatesFound: Int? = nil
    ) {
        self.dryRun = dryRun
        self.messagesScanned = messagesScanned
        // Unless told, the listed candidates are all there were: a stored run lists only the kept.
        self.candidatesFound = candidatesFound ?? (dryRun ? candidates.count : candidates.count + dropped)
        self.candidates = candidates
        self.memories = memories
        self.added = added
        self.merged = merged
        self.superseded = superseded
        self.dropped = dropped
        self.sampling = sampling
    }
}
