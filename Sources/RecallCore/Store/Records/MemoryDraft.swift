import Foundation

/// A memory about to be stored, with provenance as row ids.
struct MemoryDraft: Sendable {
    var content: String
    var type: MemoryType
    var confidence: Double
    var tags: [String] = []
    var bucket: String?
    var userID: String = Memory.defaultUserID
    var owner: String?
    var memoriesAt: Date?
    var latitude: Double?
    var longitude: Double?
    var metadata: [String: JSONValue]?
    var imageRef: String?
    var imageDescription: String?
    var sourceChatID: Int64?
    var sourceMessageID: Int64?

    /// Whether it states something about the user, so it can contradict another memory; a turn
    /// kept verbatim as the assistant's says nothing about them.
    var isAboutUser: Bool { owner == nil || owner == MessageRole.user.rawValue }
}

/// What storing a draft did.
enum MemoryInsertOutcome: Sendable, Equatable {
    /// A new memory.
    case added
    /// The same fact as this memory: the draft's evidence was merged into it.
    case merged(Int64)
    /// This memory already holds exactly this evidence (the same statement from the same message).
    case known(Int64)
    /// A new memory that contradicts this one and replaces it as current.
    case superseded(Int64)
    /// A new memory that contradicts this current one but was said before it: kept as history.
    case history(Int64)

    /// Whether a row was inserted.
    var inserted: Bool {
        switch self {
        case .added, .superseded, .history: true
        case .merged, .known: false
        }
    }

    /// The outcome as reported with a candidate.
    var candidateOutcome: CandidateOutcome {
        switch self {
        case .added: .new
        case .merged: .duplicate
        case .known: .known
        case .superseded: .supersedes
        case .history: .older
        }
    }

    /// The other memory involved, if any.
    var relatedID: Int64? {
        switch self {
        case .added: nil
        case .merged(let id), .known(let id), .superseded(let id), .history(let id): id
        }
    }
}

/// What storing a batch of drafts did, in order.
struct MemoryBatch: Sendable {
    /// The stored (or strengthened) memory of each draft.
    var memories: [Memory] = []
    /// What happened to each draft.
    var outcomes: [MemoryInsertOutcome] = []

    /// New memories.
    var added: Int { outcomes.filter(\.inserted).count }
    /// Drafts merged into existing memories, or already known.
    var merged: Int { outcomes.filter { !$0.inserted }.count }
    /// Current memories that a new one replaced.
    var superseded: Int { outcomes.filter { if case .superseded = $0 { true } else { false } }.count }
}
