import Foundation

/// Memories and their extra sources held in memory, answering the memory rules' lookups as the
/// stores' queries do (the same conditions, the same order): a dry run's scratch.
final class MemoryRowsCopy: MemoryRows {
    /// Whose rows these are.
    let account: String
    private var records: [Int64: MemoryRecord] = [:]
    /// Row ids by normalized text, gist and slot, ascending: the queries' indexes.
    private var byNormalized: [String: [Int64]] = [:]
    private var byGist: [String: [Int64]] = [:]
    private var bySlot: [String: [Int64]] = [:]
    /// Each memory's extra sources, in the order they were added.
    private var sources: [Int64: [(chat: Int64, message: Int64?)]] = [:]
    private var nextID: Int64

    /// A copy of `account`'s memories (ascending ids) and sources; new rows get ids from `nextID`.
    init(account: String, records: [MemoryRecord], sources: [(Int64, Int64, Int64?)], nextID: Int64) {
        self.account = account
        self.nextID = nextID
        for record in records { index(record) }
        for (memory, chat, message) in sources { self.sources[memory, default: []].append((chat, message)) }
    }

    private func index(_ record: MemoryRecord) {
        guard let id = record.id else { return }
        records[id] = record
        Self.add(id, to: &byNormalized[record.normalized, default: []])
        if let gist = record.gist { Self.add(id, to: &byGist[gist, default: []]) }
        if let slot = record.slot { Self.add(id, to: &bySlot[slot, default: []]) }
    }

    /// Inserts an id where it belongs in an ascending list.
    private static func add(_ id: Int64, to ids: inout [Int64]) {
        ids.insert(id, at: ids.firstIndex { $0 > id } ?? ids.endIndex)
    }

    private func unindex(_ record: MemoryRecord) {
        guard let id = record.id else { return }
        byNormalized[record.normalized]?.removeAll { $0 == id }
        if let gist = record.gist { byGist[gist]?.removeAll { $0 == id } }
        if let slot = record.slot { bySlot[slot]?.removeAll { $0 == id } }
    }

    /// A memory by row id.
    func memory(rowID: Int64) throws -> MemoryRecord? { records[rowID] }

    /// The first memory of this user, by id, that cites the record's message for the same statement.
    func knownEvidence(_ record: MemoryRecord) throws -> MemoryRecord? {
        guard let chat = record.sourceChatId else { return nil }
        let ids = (byNormalized[record.normalized] ?? []) + (record.gist.flatMap { byGist[$0] } ?? [])
        return ids.sorted().lazy.compactMap { self.records[$0] }.first { memory in
            memory.account == self.account && memory.userId == record.userId
                && ((memory.sourceChatId == chat && memory.sourceMessageId == record.sourceMessageId)
                    || (self.sources[memory.id ?? 0] ?? []).contains {
                        $0.chat == chat && $0.message == record.sourceMessageId
                    })
        }
    }

    /// The first current memory of a user and bucket with this normalized text.
    func current(userID: String, bucket: String?, normalized: String) throws -> MemoryRecord? {
        first(byNormalized[normalized], userID: userID, bucket: bucket)
    }

    /// The first current memory of a user and bucket with this gist.
    func current(userID: String, bucket: String?, gist: String) throws -> MemoryRecord? {
        first(byGist[gist], userID: userID, bucket: bucket)
    }

    /// The newest current memory of a user and bucket holding this slot.
    func slotHolder(userID: String, bucket: String?, slot: String) throws -> MemoryRecord? {
        first(bySlot[slot]?.reversed(), userID: userID, bucket: bucket)
    }

    private func first(_ ids: (some Sequence<Int64>)?, userID: String, bucket: String?) -> MemoryRecord? {
        guard let ids else { return nil }
        for id in ids {
            guard let memory = records[id] else { continue }
            if memory.account == account, memory.userId == userID, memory.bucket == bucket,
                memory.supersededBy == nil
            {
                return memory
            }
        }
        return nil
    }

    /// Adds a memory with the next id.
    func insert(_ record: inout MemoryRecord) throws {
        record.id = nextID
        nextID += 1
        index(record)
    }

    /// Replaces a memory's row.
    func update(_ record: MemoryRecord) throws {
        guard let id = record.id, let old = records[id] else { return }
        unindex(old)
        index(record)
    }

    /// Adds an extra source unless the memory has it.
    func addSource(memoryID: Int64, chatID: Int64, messageID: Int64?) throws {
        var list = sources[memoryID] ?? []
        if !list.contains(where: { $0.chat == chatID && $0.message == messageID }) { list.append((chatID, messageID)) }
        sources[memoryID] = list
    }

    /// Points `superseded_by` at a newer memory.
    func setSupersededBy(_ newerID: Int64, of memoryID: Int64) throws {
        records[memoryID]?.supersededBy = newerID
    }

    /// A memory's extra sources.
    func extraSources(of memoryID: Int64) throws -> [MemorySource] {
        (sources[memoryID] ?? []).map {
            MemorySource(chatID: PublicID.chat.string($0.chat), messageID: $0.message.map(PublicID.message.string))
        }
    }
}
