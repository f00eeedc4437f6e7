import Foundation
import GRDB

extension RecallDatabase {
    /// Stores a memory, or merges it into a current memory that says the same thing
    /// (the newer evidence raises confidence and adds a source).
    func insertMemory(_ draft: MemoryDraft, now: Date, db: Database) throws -> (MemoryRecord, MemoryInsertOutcome) {
        let normalized = MemoryRecord.normalize(draft.content)
        if var existing = try MemoryRecord
            .filter(Column("user_id") == draft.userID && Column("normalized") == normalized && Column("superseded_by") == nil)
            .fetchOne(db)
        {
            // Re-reading the same message is not new evidence; a caller saying it again is.
            let sameSource = draft.sourceChatID != nil && existing.sourceChatId == draft.sourceChatID && existing.sourceMessageId == draft.sourceMessageID
            let knownSource = try sameSource || Self.hasExtraSource(existing.id ?? 0, chat: draft.sourceChatID, message: draft.sourceMessageID, db: db)
            if !knownSource {
                if let chatID = draft.sourceChatID, existing.sourceChatId != nil {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO memory_sources (memory_id, chat_id, message_id) VALUES (?, ?, ?)",
                        arguments: [existing.id, chatID, draft.sourceMessageID])
                } else if existing.sourceChatId == nil, let chatID = draft.sourceChatID {
                    existing.sourceChatId = chatID
                    existing.sourceMessageId = draft.sourceMessageID
                }
                // Independent evidence for the same fact makes it more certain, never less.
                existing.confidence = min(1, max(existing.confidence, draft.confidence) + 0.05)
                let tags = JSONColumn.normalizedTags(JSONColumn.decodeStrings(existing.tags) + draft.tags)
                existing.tags = JSONColumn.encode(tags)
                existing.updatedAt = now
                try existing.update(db)
            }
            return (existing, .merged)
        }
        var record = MemoryRecord(
            id: nil, content: draft.content, normalized: normalized, type: draft.type.rawValue,
            confidence: min(1, max(0, draft.confidence)), tags: JSONColumn.encode(JSONColumn.normalizedTags(draft.tags)),
            bucket: draft.bucket, userId: draft.userID, owner: draft.owner, memoriesAt: draft.memoriesAt,
            latitude: draft.latitude, longitude: draft.longitude, metadata: draft.metadata.map(JSONColumn.encode),
            imageRef: draft.imageRef, imageDescription: draft.imageDescription, sourceChatId: draft.sourceChatID,
            sourceMessageId: draft.sourceMessageID, pinned: false, createdAt: now, updatedAt: now,
            supersedes: nil, supersededBy: nil)
        try record.insert(db)
        try CJKIndex.index(memory: record.id ?? 0, text: record.searchText, db: db)
        return (record, .added)
    }

    private static func hasExtraSource(_ memoryID: Int64, chat: Int64?, message: Int64?, db: Database) throws -> Bool {
        guard let chat else { return false }
        return try Bool.fetchOne(
            db,
            sql: "SELECT EXISTS (SELECT 1 FROM memory_sources WHERE memory_id = ? AND chat_id = ? AND message_id IS ?)",
            arguments: [memoryID, chat, message]) ?? false
    }

    /// The public value of a memory, with its extra sources.
    func memory(_ record: MemoryRecord, db: Database) throws -> Memory {
        let rows = try Row.fetchAll(
            db, sql: "SELECT chat_id, message_id FROM memory_sources WHERE memory_id = ? ORDER BY rowid", arguments: [record.id])
        let extra = rows.map { row in
            MemorySource(chatID: PublicID.chat.string(row["chat_id"]), messageID: (row["message_id"] as Int64?).map(PublicID.message.string))
        }
        return record.memory(extraSources: extra)
    }

    /// One memory by public id, or a not-found error.
    func memoryRecord(_ id: String, field: String = "id", db: Database) throws -> MemoryRecord {
        let rowID = try PublicID.memory.require(id, field: field)
        guard let record = try MemoryRecord.fetchOne(db, key: rowID) else {
            throw RecallError(.notFound, "No memory with id \(id). Use list_memories or search to find memory ids.")
        }
        return record
    }

    /// Lists memories with keyset paging on the row id, so pages stay stable while memories arrive.
    func listMemories(_ request: MemoryListRequest) throws -> MemoryPage {
        try read { db in
            var conditions = ["user_id = ?"]
            var arguments: StatementArguments = [request.userID ?? Memory.defaultUserID]
            if !request.includeSuperseded { conditions.append("superseded_by IS NULL") }
            if let type = request.memoryType {
                conditions.append("type = ?")
                _ = arguments.append(contentsOf: [type.rawValue])
            }
            if let minimum = request.minConfidence {
                conditions.append("confidence >= ?")
                _ = arguments.append(contentsOf: [minimum])
            }
            if let bucket = request.bucket {
                conditions.append("bucket = ?")
                _ = arguments.append(contentsOf: [bucket])
            }
            for tag in request.tags {
                conditions.append("EXISTS (SELECT 1 FROM json_each(memories.tags) WHERE value = ?)")
                _ = arguments.append(contentsOf: [tag])
            }
            if let since = request.since {
                conditions.append("created_at >= ?")
                _ = arguments.append(contentsOf: [since])
            }
            if let until = request.until {
                conditions.append("created_at <= ?")
                _ = arguments.append(contentsOf: [until])
            }
            let filter = conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM memories WHERE \(filter)", arguments: arguments) ?? 0
            let newest = request.order == .newest
            var pageConditions = filter
            var pageArguments = arguments
            if let cursor = request.cursor {
                let after = try Cursor.decodeOffset(cursor, tag: "mem")
                pageConditions += newest ? " AND id < ?" : " AND id > ?"
                _ = pageArguments.append(contentsOf: [after])
            }
            let records = try MemoryRecord.fetchAll(
                db,
                sql: "SELECT * FROM memories WHERE \(pageConditions) ORDER BY id \(newest ? "DESC" : "ASC") LIMIT ?",
                arguments: pageArguments + [request.limit + 1])
            let page = Array(records.prefix(request.limit))
            let next = records.count > request.limit ? page.last?.id.map { Cursor.offset(Int($0), tag: "mem") } : nil
            return MemoryPage(memories: try page.map { try memory($0, db: db) }, nextCursor: next, total: total)
        }
    }

    /// Changes a memory. A content change supersedes: the new memory links back, the old stays.
    func updateMemory(_ update: MemoryUpdate, now: Date) throws -> Memory {
        try write { db in
            var old = try memoryRecord(update.id, db: db)
            if let newer = old.supersededBy {
                throw RecallError(.conflict, "Memory \(update.id) was superseded by \(PublicID.memory.string(newer)); update that one instead.")
            }
            var target = old
            if let content = update.content, content != old.content {
                target.id = nil
                target.content = content
                target.normalized = MemoryRecord.normalize(content)
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
                try target.insert(db)
                try CJKIndex.index(memory: target.id ?? 0, text: target.searchText, db: db)
                old.supersededBy = target.id
                old.updatedAt = now
                try old.update(db)
            } else {
                try target.update(db)
            }
            return try memory(target, db: db)
        }
    }
}
