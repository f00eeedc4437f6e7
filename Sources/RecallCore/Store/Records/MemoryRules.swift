import Foundation

/// The memory rules, written once for every store: a new memory is known evidence, merged into
/// a current memory that says the same thing, supersedes a current memory it contradicts, goes
/// into that memory's history when it was said before it, or is added.
///
/// Memories are compared within one user and bucket. Supersession, not deletion: the versions
/// of a fact form one chain through `supersedes`, ordered by when each was said, so forgetting
/// the current memory can forget its whole history.
struct MemoryRules<Rows: MemoryRows> {
    /// The store's rows, inside the write transaction the rules run in.
    let rows: Rows
    /// How a memory's signature is read: what deduplication and supersession compare.
    let signing: FactSigning

    /// Stores a memory, merges it into a current memory that says the same thing (the newer
    /// evidence raises confidence and adds a source), or supersedes a current memory it
    /// contradicts.
    func insert(_ draft: MemoryDraft, now: Date) throws -> (MemoryRecord, MemoryInsertOutcome) {
        var record = MemoryRecord(draft: draft, now: now, signing: signing)
        record.account = rows.account
        // Re-reading a message already read is not new evidence, whatever became of its memory.
        if let known = try rows.knownEvidence(record) { return (known, .known(known.id ?? 0)) }
        if var same = try currentDuplicate(of: record) {
            try merge(draft, into: &same, now: now)
            return (same, .merged(same.id ?? 0))
        }
        if draft.isAboutUser, let slot = record.slot,
            var holder = try rows.slotHolder(userID: draft.userID, bucket: draft.bucket, slot: slot)
        {
            let value = signing(record.content).value
            if signing(holder.content).value == value {
                try merge(draft, into: &holder, now: now)
                return (holder, .merged(holder.id ?? 0))
            }
            if record.statedAt >= holder.statedAt {
                try supersede(&holder, with: &record, now: now)
                return (record, .superseded(holder.id ?? 0))
            }
            return try insertAsHistory(record, draft: draft, value: value, before: holder, now: now)
        }
        try rows.insert(&record)
        return (record, .added)
    }

    /// A current memory saying the same thing: the same words, or the same gist in other words.
    private func currentDuplicate(of record: MemoryRecord) throws -> MemoryRecord? {
        if let exact = try rows.current(userID: record.userId, bucket: record.bucket, normalized: record.normalized) {
            return exact
        }
        // A gist of one or two words ("user love") is too little to call two memories the same.
        guard let gist = record.gist, gist.split(separator: " ").count >= 3 else { return nil }
        return try rows.current(userID: record.userId, bucket: record.bucket, gist: gist)
    }

    /// Adds the draft's evidence to a memory: its source, a little confidence, its tags, and any
    /// field the memory lacks.
    ///
    /// Nothing the memory already says is overwritten.
    func merge(_ draft: MemoryDraft, into existing: inout MemoryRecord, now: Date) throws {
        if let chatID = draft.sourceChatID {
            if existing.sourceChatId == nil {
                existing.sourceChatId = chatID
                existing.sourceMessageId = draft.sourceMessageID
            } else {
                try rows.addSource(memoryID: existing.id ?? 0, chatID: chatID, messageID: draft.sourceMessageID)
            }
        }
        // Independent evidence for the same fact makes it more certain, never less.
        existing.confidence = min(1, max(existing.confidence, draft.confidence) + 0.05)
        existing.tags = JSONColumn.encode(
            JSONColumn.normalizedTags(JSONColumn.decodeStrings(existing.tags) + draft.tags))
        existing.memoriesAt = existing.memoriesAt ?? draft.memoriesAt
        existing.latitude = existing.latitude ?? draft.latitude
        existing.longitude = existing.longitude ?? draft.longitude
        existing.metadata = existing.metadata ?? draft.metadata.map(JSONColumn.encode)
        existing.imageRef = existing.imageRef ?? draft.imageRef
        existing.imageDescription = existing.imageDescription ?? draft.imageDescription
        existing.updatedAt = now
        try rows.update(existing)
    }

    /// Stores drafts one after another; each sees the ones before it.
    func add(_ drafts: [MemoryDraft], now: Date) throws -> MemoryBatch {
        var batch = MemoryBatch()
        for draft in drafts {
            let (record, outcome) = try insert(draft, now: now)
            batch.outcomes.append(outcome)
            batch.memories.append(try memory(record))
        }
        return batch
    }

    /// Stores extracted candidates, each in its own bucket; only the first `describing` get
    /// their memory in the batch (reading it back costs a query).
    func store(_ candidates: [MemoryCandidate], userID: String, now: Date, describing: Int) throws -> MemoryBatch {
        var batch = MemoryBatch()
        for (index, candidate) in candidates.enumerated() {
            var draft = MemoryDraft(content: candidate.content, type: candidate.type, confidence: candidate.confidence)
            draft.userID = userID
            draft.bucket = candidate.bucket
            draft.memoriesAt = candidate.memoriesAt
            draft.sourceChatID = candidate.source.flatMap { PublicID.chat.rowID($0.chatID) }
            draft.sourceMessageID = candidate.source?.messageID.flatMap { PublicID.message.rowID($0) }
            let (record, outcome) = try insert(draft, now: now)
            batch.outcomes.append(outcome)
            if index < describing { batch.memories.append(try memory(record)) }
        }
        return batch
    }

    /// The public value of a memory, with its extra sources.
    func memory(_ record: MemoryRecord) throws -> Memory {
        record.memory(extraSources: try rows.extraSources(of: record.id ?? 0))
    }
}
