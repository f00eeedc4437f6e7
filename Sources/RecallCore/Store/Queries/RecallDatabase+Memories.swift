import Foundation
import GRDB

extension RecallDatabase {
    /// Stores a memory, merges it into a current memory that says the same thing (the newer
    /// evidence raises confidence and adds a source), or supersedes a current memory it
    /// contradicts.
    ///
    /// Memories are compared within one user and bucket.
    func insertMemory(_ draft: MemoryDraft, now: Date, db: Database) throws -> (MemoryRecord, MemoryInsertOutcome) {
        var record = MemoryRecord(draft: draft, now: now, signing: signing)
        record.account = account
        // Re-reading a message already read is not new evidence, whatever became of its memory.
        if let known = try knownEvidence(record, db: db) { return (known, .known(known.id ?? 0)) }
        if var same = try currentDuplicate(of: record, db: db) {
            try merge(draft, into: &same, now: now, db: db)
            return (same, .merged(same.id ?? 0))
        }
        if draft.isAboutUser, let slot = record.slot,
            var holder = try MemoryRecord.fetchOne(
                db,
                sql:
                    "SELECT * FROM memories WHERE account = ? AND user_id = ? AND bucket IS ? AND slot = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1",
                arguments: [account, draft.userID, draft.bucket, slot])
        {
            let value = signing(record.content).value
            if signing(holder.content).value == value {
                try merge(draft, into: &holder, now: now, db: db)
                return (holder, .merged(holder.id ?? 0))
            }
            if record.statedAt >= holder.statedAt {
                try supersede(&holder, with: &record, now: now, db: db)
                return (record, .superseded(holder.id ?? 0))
            }
            return try insertAsHistory(record, draft: draft, value: value, before: holder, now: now, db: db)
        }
        try record.insert(db)
        return (record, .added)
    }

    /// A memory of this user that already cites the draft's message for the same statement.
    private func knownEvidence(_ record: MemoryRecord, db: Database) throws -> MemoryRecord? {
        guard let chat = record.sourceChatId else { return nil }
        return try MemoryRecord.fetchOne(
            db,
            sql: """
                SELECT * FROM memories WHERE account = ? AND user_id = ? AND (normalized = ? OR gist = ?)
                AND ((source_chat_id = ? AND source_message_id IS ?)
                     OR EXISTS (SELECT 1 FROM memory_sources s WHERE s.memory_id = memories.id AND s.chat_id = ? AND s.message_id IS ?))
                LIMIT 1
                """,
            arguments: [
                account, record.userId, record.normalized, record.gist, chat, record.sourceMessageId, chat,
                record.sourceMessageId,
            ])
    }

    /// A current memory saying the same thing: the same words, or the same gist in other words.
    private func currentDuplicate(of record: MemoryRecord, db: Database) throws -> MemoryRecord? {
        let scope = "account = ? AND user_id = ? AND bucket IS ? AND superseded_by IS NULL"
        if let exact = try MemoryRecord.fetchOne(
            db, sql: "SELECT * FROM memories WHERE \(scope) AND normalized = ? LIMIT 1",
            arguments: [account, record.userId, record.bucket, record.normalized])
        {
            return exact
        }
        // A gist of one or two words ("user love") is too little to call two memories the same.
        guard let gist = record.gist, gist.split(separator: " ").count >= 3 else { return nil }
        return try MemoryRecord.fetchOne(
            db, sql: "SELECT * FROM memories WHERE \(scope) AND gist = ? LIMIT 1",
            arguments: [account, record.userId, record.bucket, gist])
    }

    /// Adds the draft's evidence to a memory: its source, a little confidence, its tags, and any
    /// field the memory lacks.
    ///
    /// Nothing the memory already says is overwritten.
    func merge(_ draft: MemoryDraft, into existing: inout MemoryRecord, now: Date, db: Database) throws {
        if let chatID = draft.sourceChatID {
            if existing.sourceChatId == nil {
                existing.sourceChatId = chatID
                existing.sourceMessageId = draft.sourceMessageID
            } else {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO memory_sources (memory_id, chat_id, message_id) VALUES (?, ?, ?)",
                    arguments: [existing.id, chatID, draft.sourceMessageID])
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
        try existing.update(db)
    }

    /// Stores drafts one after another in one transaction; each sees the ones before it.
    func addMemories(_ drafts: [MemoryDraft], now: Date) throws -> MemoryBatch {
        try write { db in
            var batch = MemoryBatch()
            for draft in drafts {
                let (record, outcome) = try insertMemory(draft, now: now, db: db)
                batch.outcomes.append(outcome)
                batch.memories.append(try memory(record, db: db))
            }
            return batch
        }
    }

    /// One memory by public id, with its sources, or a not-found error.
    func memory(id: String) throws -> Memory {
        try read { db in try memory(memoryRecord(id, db: db), db: db) }
    }

    /// The public value of a memory, with its extra sources.
    func memory(_ record: MemoryRecord, db: Database) throws -> Memory {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT chat_id, message_id FROM memory_sources WHERE memory_id = ? ORDER BY rowid"),
            arguments: [record.id])
        let extra = rows.map { row in
            MemorySource(
                chatID: PublicID.chat.string(row["chat_id"]),
                messageID: (row["message_id"] as Int64?).map(PublicID.message.string))
        }
        return record.memory(extraSources: extra)
    }

    /// One memory by public id, or a not-found error.
    func memoryRecord(_ id: String, field: String = "id", db: Database) throws -> MemoryRecord {
        let rowID = try PublicID.memory.require(id, field: field)
        guard let record = try MemoryRecord.fetchOne(db, key: rowID), record.account == account else {
            throw RecallError(.notFound, "No memory with id \(id). Use list_memories or search to find memory ids.")
        }
        return record
    }

    /// Lists memories with keyset paging on the row id, so pages stay stable while memories arrive.
    func listMemories(_ request: MemoryListRequest) throws -> MemoryPage {
        try read { db in
            var conditions = ["account = ?", "user_id = ?"]
            var arguments: StatementArguments = [account, request.userID ?? Memory.defaultUserID]
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
            let total =
                try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COUNT(*) FROM memories WHERE \(filter)"), arguments: arguments) ?? 0
            let newest = request.order == .newest
            var pageConditions = filter
            var pageArguments = arguments
            if let cursor = request.cursor {
                let after = try Cursor.decodeOffset(cursor, tag: "mem")
                pageConditions += newest ? " AND id < ?" : " AND id > ?"
                _ = pageArguments.append(contentsOf: [after])
            }
            // Cached: the statement's text varies only with which filters are set.
            let records = try MemoryRecord.fetchAll(
                db.cachedStatement(
                    sql: "SELECT * FROM memories WHERE \(pageConditions) ORDER BY id \(newest ? "DESC" : "ASC") LIMIT ?"
                ),
                arguments: pageArguments + [request.limit + 1])
            let page = Array(records.prefix(request.limit))
            let next = records.count > request.limit ? page.last?.id.map { Cursor.offset(Int($0), tag: "mem") } : nil
            return MemoryPage(memories: try page.map { try memory($0, db: db) }, nextCursor: next, total: total)
        }
    }

    /// Changes a memory.
    ///
    /// A content change supersedes: the new memory links back, the old stays.
    func updateMemory(_ update: MemoryUpdate, now: Date) throws -> Memory {
        try write { db in
            var old = try memoryRecord(update.id, db: db)
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
                try target.insert(db)
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
