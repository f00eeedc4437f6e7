import Foundation
import GRDB

/// A row of `memories`.
struct MemoryRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "memories"
    /// `memories_at` may lie centuries back: dates are written and read in the proleptic
    /// Gregorian calendar (GRDB's formatter switches to the Julian calendar before 1583), in the
    /// same text form, so stores written before read the same.
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { ProlepticGregorian.storageText($0) }
    }

    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom { value in
            if let text = String.fromDatabaseValue(value), let date = ISO8601Timestamp.date(from: text) { return date }
            return Date.fromDatabaseValue(value)
        }
    }

    var id: Int64?
    var content: String
    var normalized: String
    var type: String
    var confidence: Double
    var tags: String
    var bucket: String?
    var userId: String
    var owner: String?
    var memoriesAt: Date?
    var latitude: Double?
    var longitude: Double?
    var metadata: String?
    var imageRef: String?
    var imageDescription: String?
    var sourceChatId: Int64?
    var sourceMessageId: Int64?
    var pinned: Bool
    var createdAt: Date
    var updatedAt: Date
    var supersedes: Int64?
    var supersededBy: Int64?
    /// `FactSignature.gist`: memories with the same gist say the same thing.
    var gist: String?
    /// `FactSignature.slot`: memories with the same slot and another value contradict each other.
    var slot: String?
    /// The account that owns the row (see `Account`).
    var account: String = Account.local

    /// Column names spelled out: GRDB's snake-case strategy converts every column name of every
    /// row read, which cost more than the rest of a `list_memories` page.
    enum CodingKeys: String, CodingKey {
        case id, content, normalized, type, confidence, tags, bucket
        case userId = "user_id"
        case owner
        case memoriesAt = "memories_at"
        case latitude, longitude, metadata
        case imageRef = "image_ref"
        case imageDescription = "image_description"
        case sourceChatId = "source_chat_id"
        case sourceMessageId = "source_message_id"
        case pinned
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case supersedes
        case supersededBy = "superseded_by"
        case gist, slot, account
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Every new memory, whichever path stores it, gets its CJK grams in the same transaction.
    func aroundInsert(_ db: Database, insert: () throws -> InsertionSuccess) throws {
        let inserted = try insert()
        try CJKIndex.index(memory: inserted.rowID, text: searchText, db: db)
    }

    /// The public value; extra sources come from `memory_sources`.
    func memory(extraSources: [MemorySource] = []) -> Memory {
        Memory(
            id: PublicID.memory.string(id ?? 0),
            content: content,
            type: MemoryType(rawValue: type) ?? .note,
            confidence: confidence,
            tags: JSONColumn.decodeStrings(tags),
            bucket: bucket,
            userID: userId,
            owner: owner,
            memoriesAt: memoriesAt,
            latitude: latitude,
            longitude: longitude,
            metadata: metadata.flatMap { JSONColumn.decode([String: JSONValue].self, from: $0) },
            imageRef: imageRef,
            imageDescription: imageDescription,
            source: sourceChatId.map {
                MemorySource(chatID: PublicID.chat.string($0), messageID: sourceMessageId.map(PublicID.message.string))
            },
            extraSources: extraSources.isEmpty ? nil : extraSources,
            pinned: pinned,
            createdAt: createdAt,
            updatedAt: updatedAt,
            supersedes: supersedes.map(PublicID.memory.string),
            supersededBy: supersededBy.map(PublicID.memory.string)
        )
    }

    /// The text that search indexes: the memory and what its image shows.
    var searchText: String {
        imageDescription.map { content + "\n" + $0 } ?? content
    }

    /// The lowercased, punctuation-free form that finds duplicates ("The user loves Rust!" ≈ "the user loves rust").
    static func normalize(_ content: String) -> String {
        FactSignature.normalize(content)
    }

    /// When the memory was said or true: what decides which of two contradicting memories is current.
    var statedAt: Date { memoriesAt ?? createdAt }

    /// Sets the content and everything derived from it.
    mutating func setContent(_ text: String, signing: FactSigning) {
        let signature = signing(text)
        content = text
        normalized = Self.normalize(text)
        gist = signature.gist.isEmpty ? nil : signature.gist
        slot = signature.slot
    }
}

extension MemoryRecord {
    /// A new row for a draft, not yet inserted.
    init(draft: MemoryDraft, now: Date, signing: FactSigning) {
        self.init(
            id: nil, content: "", normalized: "", type: draft.type.rawValue,
            confidence: min(1, max(0, draft.confidence)),
            tags: JSONColumn.encode(JSONColumn.normalizedTags(draft.tags)),
            bucket: draft.bucket, userId: draft.userID, owner: draft.owner, memoriesAt: draft.memoriesAt,
            latitude: draft.latitude, longitude: draft.longitude, metadata: draft.metadata.map(JSONColumn.encode),
            imageRef: draft.imageRef, imageDescription: draft.imageDescription, sourceChatId: draft.sourceChatID,
            sourceMessageId: draft.sourceMessageID, pinned: false, createdAt: now, updatedAt: now,
            supersedes: nil, supersededBy: nil, gist: nil, slot: nil)
        setContent(draft.content, signing: signing)
    }
}
