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
}

/// What storing a draft did.
enum MemoryInsertOutcome: Sendable {
    /// A new memory.
    case added
    /// Merged into an existing memory with the same meaning.
    case merged
}
