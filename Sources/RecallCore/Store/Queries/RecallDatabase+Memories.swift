import Foundation
import GRDB

extension RecallDatabase {
    /// The memory rules over this store's rows in `db`, inside a write transaction.
    func rules(_ db: Database) -> MemoryRules<SQLiteMemoryRows> {
        MemoryRules(rows: SQLiteMemoryRows(db: db, account: account), signing: signing)
    }

    /// Stores a memory with the memory rules (see `MemoryRules.insert`).
    func insertMemory(_ draft: MemoryDraft, now: Date, db: Database) throws -> (MemoryRecord, MemoryInsertOutcome) {
        try rules(db).insert(draft, now: now)
    }

    /// Stores drafts one after another in one transaction; each sees the ones before it.
    func addMemories(_ drafts: [MemoryDraft], now: Date) throws -> MemoryBatch {
        try write { db in try rules(db).add(drafts, now: now) }
    }

    /// One memory by public id, with its sources, or a not-found error.
    func memory(id: String) throws -> Memory {
        try read { db in try memory(memoryRecord(id, db: db), db: db) }
    }

    /// The public value of a memory, with its extra sources.
    func memory(_ record: MemoryRecord, db: Database) throws -> Memory {
        try rules(db).memory(record)
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
            let rules = rules(db)
            let target = try rules.apply(update, to: try memoryRecord(update.id, db: db), now: now)
            return try rules.memory(target)
        }
    }
}
