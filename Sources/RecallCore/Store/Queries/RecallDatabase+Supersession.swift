import Foundation
import GRDB

/// Supersession, not deletion: a memory that contradicts a current one ("lives in Bergen" after
/// "lives in Oslo") becomes current, and the old one stays, linked both ways. The versions of a
/// fact form one chain through `supersedes`, ordered by when each was said, so forgetting the
/// current memory can forget its whole history.
extension RecallDatabase {
    /// Makes `newer` (not yet stored) the current version in place of `current`.
    func supersede(_ current: inout MemoryRecord, with newer: inout MemoryRecord, now: Date, db: Database) throws {
        newer.supersedes = current.id
        // The user's own organisation of the fact carries over to its new version.
        newer.tags = JSONColumn.encode(
            JSONColumn.normalizedTags(JSONColumn.decodeStrings(current.tags) + JSONColumn.decodeStrings(newer.tags)))
        newer.pinned = newer.pinned || current.pinned
        try newer.insert(db)
        current.supersededBy = newer.id
        current.updatedAt = now
        try current.update(db)
    }

    /// Stores a contradicting memory that was said before the current one as an older version:
    /// it goes into the chain where its date belongs, or strengthens a version that already says it.
    func insertAsHistory(
        _ record: MemoryRecord, draft: MemoryDraft, value: String?, before current: MemoryRecord, now: Date,
        db: Database
    ) throws -> (MemoryRecord, MemoryInsertOutcome) {
        var newer = current
        while let olderID = newer.supersedes, var older = try MemoryRecord.fetchOne(db, key: olderID) {
            if older.slot == record.slot, signing(older.content).value == value {
                try merge(draft, into: &older, now: now, db: db)
                return (older, .merged(older.id ?? 0))
            }
            if older.statedAt <= record.statedAt { break }
            newer = older
        }
        var inserted = record
        inserted.supersedes = newer.supersedes
        inserted.supersededBy = newer.id
        try inserted.insert(db)
        if let olderID = newer.supersedes {
            try db.execute(
                sql: "UPDATE memories SET superseded_by = ? WHERE id = ?", arguments: [inserted.id, olderID])
        }
        newer.supersedes = inserted.id
        try newer.update(db)
        return (inserted, .history(current.id ?? 0))
    }
}
