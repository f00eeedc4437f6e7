import Foundation
import PostgresNIO

extension PostgresStore {
    /// The memory rules over this store's rows on `connection`, inside a write transaction.
    func rules(_ connection: PostgresConnection) -> MemoryRules<PostgresMemoryRows> {
        MemoryRules(rows: PostgresMemoryRows(connection: connection, account: account), signing: signing)
    }

    /// Stores drafts one after another in one transaction; each sees the ones before it.
    func addMemories(_ drafts: [MemoryDraft], now: Date) throws -> MemoryBatch {
        try write { connection in try rules(connection).add(drafts, now: now) }
    }

    /// One memory by public id, with its sources, or a not-found error.
    func memory(id: String) throws -> Memory {
        try read { connection in
            try rules(connection).memory(memoryRecord(id, connection: connection))
        }
    }

    /// One of the account's memories by public id, or a not-found error.
    func memoryRecord(_ id: String, field: String = "id", connection: PostgresConnection) throws -> MemoryRecord {
        let rowID = try PublicID.memory.require(id, field: field)
        guard
            let record = try connection.run(
                """
                SELECT \(unescaped: MemoryRecord.postgresColumns) FROM memories
                WHERE id = \(rowID) AND account = \(account)
                """
            ).rows.first.map(MemoryRecord.init(postgresRow:))
        else {
            throw RecallError(.notFound, "No memory with id \(id). Use list_memories or search to find memory ids.")
        }
        return record
    }

    /// Lists memories with keyset paging on the row id, so pages stay stable while memories arrive.
    func listMemories(_ request: MemoryListRequest) throws -> MemoryPage {
        var filter = PostgresFilter()
        filter.add("account = ", account)
        filter.add("user_id = ", request.userID ?? Memory.defaultUserID)
        if !request.includeSuperseded { filter.add("superseded_by IS NULL") }
        if let type = request.memoryType { filter.add("type = ", type.rawValue) }
        if let minimum = request.minConfidence { filter.add("confidence >= ", minimum) }
        if let bucket = request.bucket { filter.add("bucket = ", bucket) }
        for tag in request.tags { filter.add("tags @> jsonb_build_array(", tag, "::text)") }
        if let since = request.since { filter.add("created_at >= ", MemoryDate(since)) }
        if let until = request.until { filter.add("created_at <= ", MemoryDate(until)) }
        let newest = request.order == .newest
        var page = filter
        if let cursor = request.cursor {
            let after = Int64(try Cursor.decodeOffset(cursor, tag: "mem"))
            page.add(newest ? "id < " : "id > ", after)
        }
        page.sql += " ORDER BY id \(newest ? "DESC" : "ASC") LIMIT \(request.limit + 1)"
        return try read { connection in
            let total =
                try connection.run(filter.query("SELECT COUNT(*) FROM memories WHERE "))
                .rows.first?.decode(Int64.self) ?? 0
            let records = try connection.run(
                page.query("SELECT \(MemoryRecord.postgresColumns) FROM memories WHERE ")
            ).rows.map(MemoryRecord.init(postgresRow:))
            let shown = Array(records.prefix(request.limit))
            let next =
                records.count > request.limit ? shown.last?.id.map { Cursor.offset(Int($0), tag: "mem") } : nil
            let rules = rules(connection)
            return MemoryPage(memories: try shown.map(rules.memory), nextCursor: next, total: Int(total))
        }
    }

    /// Changes a memory.
    ///
    /// A content change supersedes: the new memory links back, the old stays.
    func updateMemory(_ update: MemoryUpdate, now: Date) throws -> Memory {
        try write { connection in
            let rules = rules(connection)
            let target = try rules.apply(update, to: try memoryRecord(update.id, connection: connection), now: now)
            return try rules.memory(target)
        }
    }
}
