import Foundation

/// Supersession, not deletion: a memory that contradicts a current one ("lives in Bergen" after
/// "lives in Oslo") becomes current, and the old one stays, linked both ways.
extension MemoryRules {
    /// Makes `newer` (not yet stored) the current version in place of `current`.
    func supersede(_ current: inout MemoryRecord, with newer: inout MemoryRecord, now: Date) throws {
        newer.supersedes = current.id
        // The user's own organisation of the fact carries over to its new version.
        newer.tags = JSONColumn.encode(
            JSONColumn.normalizedTags(JSONColumn.decodeStrings(current.tags) + JSONColumn.decodeStrings(newer.tags)))
        newer.pinned = newer.pinned || current.pinned
        try rows.insert(&newer)
        current.supersededBy = newer.id
        current.updatedAt = now
        try rows.update(current)
    }

    /// Stores a contradicting memory that was said before the current one as an older version:
    /// it goes into the chain where its date belongs, or strengthens a version that already says it.
    func insertAsHistory(
        _ record: MemoryRecord, draft: MemoryDraft, value: String?, before current: MemoryRecord, now: Date
    ) throws -> (MemoryRecord, MemoryInsertOutcome) {
        var newer = current
        while let olderID = newer.supersedes, var older = try rows.memory(rowID: olderID) {
            if older.slot == record.slot, signing(older.content).value == value {
                try merge(draft, into: &older, now: now)
                return (older, .merged(older.id ?? 0))
            }
            if older.statedAt <= record.statedAt { break }
            newer = older
        }
        var inserted = record
        inserted.supersedes = newer.supersedes
        inserted.supersededBy = newer.id
        try rows.insert(&inserted)
        if let olderID = newer.supersedes { try rows.setSupersededBy(inserted.id ?? 0, of: olderID) }
        newer.supersedes = inserted.id
        try rows.update(newer)
        return (inserted, .history(current.id ?? 0))
    }

    /// Changes a memory (`old`, the account's).
    ///
    /// A content change supersedes: the new memory links back, the old stays.
    func apply(_ update: MemoryUpdate, to old: MemoryRecord, now: Date) throws -> MemoryRecord {
        var old = old
        if let newer = old.supersededBy {
            throw RecallError(
                .conflict,
                "Memory \(update.id) was superseded by \(PublicID.memory.string(newer)); update that one instead.")
        }
        var target = old
        if let content = update.content, content != old.content {
            target.id = nil
            target.setContent(content, signing: signing)
            target.createdAt = now
            target.supersedes = old.id
            target.supersededBy = nil
        }
        if let tags = update.tags { target.tags = JSONColumn.encode(JSONColumn.normalizedTags(tags)) }
        if let bucket = update.bucket { target.bucket = bucket.isEmpty ? nil : bucket }
        if let type = update.memoryType { target.type = type.rawValue }
        if let pinned = update.pinned { target.pinned = pinned }
        if let confidence = update.confidence { target.confidence = min(1, max(0, confidence)) }
        if let metadata = update.metadata { target.metadata = JSONColumn.encode(metadata) }
        target.updatedAt = now
        if target.id == nil {
            try rows.insert(&target)
            old.supersededBy = target.id
            old.updatedAt = now
            try rows.update(old)
        } else {
            try rows.update(target)
        }
        return target
    }
}
