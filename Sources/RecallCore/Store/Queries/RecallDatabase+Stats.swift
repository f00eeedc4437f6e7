import Foundation
import GRDB

extension RecallDatabase {
    /// Counts by platform, type, bucket and tag; the latest imports; the file and schema.
    func stats() throws -> StoreStats {
        try read { db in
            // Every statement below binds the account once, as its only argument.
            let account: StatementArguments = [self.account]
            let count = { (sql: String) throws -> Int in try Int.fetchOne(db, sql: sql, arguments: account) ?? 0 }
            let grouped = { (sql: String) throws -> [String: Int] in
                var result: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql, arguments: account) {
                    if let key = row[0] as String? { result[key, default: 0] += row[1] as Int }
                }
                return result
            }
            var byBucket = try grouped(
                "SELECT bucket, COUNT(*) FROM chats WHERE account = ? AND bucket IS NOT NULL GROUP BY bucket")
            byBucket.merge(
                try grouped(
                    "SELECT bucket, COUNT(*) FROM memories WHERE account = ? AND bucket IS NOT NULL AND superseded_by IS NULL GROUP BY bucket"
                ), uniquingKeysWith: +)
            var byTag = try grouped(
                "SELECT j.value, COUNT(*) FROM chats, json_each(chats.tags) j WHERE chats.account = ? GROUP BY j.value")
            byTag.merge(
                try grouped(
                    "SELECT j.value, COUNT(*) FROM memories, json_each(memories.tags) j WHERE memories.account = ? AND superseded_by IS NULL GROUP BY j.value"
                ), uniquingKeysWith: +)
            let imports = try ImportRecord.fetchAll(
                db, sql: "SELECT * FROM imports WHERE account = ? ORDER BY id DESC LIMIT 10", arguments: account)
            // One pass over the account's messages for what is stored beside the visible active branch.
            let stored = try Row.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(m.position IS NULL), 0), COALESCE(SUM(m.position IS NOT NULL AND m.hidden = 1), 0)
                    FROM messages m JOIN chats c ON c.id = m.chat_id WHERE c.account = ?
                    """,
                arguments: account)
            return StoreStats(
                path: location.displayPath,
                sizeBytes: Self.fileSize(location),
                schemaVersion: try Schema.migrator(signing: signing).appliedIdentifiers(db).count,
                chats: try count("SELECT COUNT(*) FROM chats WHERE account = ?"),
                messages: try count("SELECT COALESCE(SUM(message_count), 0) FROM chats WHERE account = ?"),
                hiddenMessages: stored?[1] ?? 0,
                branchMessages: stored?[0] ?? 0,
                memories: try count("SELECT COUNT(*) FROM memories WHERE account = ? AND superseded_by IS NULL"),
                memoryUsers: try count("SELECT COUNT(DISTINCT user_id) FROM memories WHERE account = ?"),
                supersededMemories: try count(
                    "SELECT COUNT(*) FROM memories WHERE account = ? AND superseded_by IS NOT NULL"),
                chatsByPlatform: try grouped(
                    "SELECT platform, COUNT(*) FROM chats WHERE account = ? GROUP BY platform"),
                memoriesByType: try grouped(
                    "SELECT type, COUNT(*) FROM memories WHERE account = ? AND superseded_by IS NULL GROUP BY type"),
                byBucket: byBucket, byTag: byTag, imports: imports.map(\.summary))
        }
    }

    private static func fileSize(_ location: StoreLocation) -> Int {
        guard case .file(let path) = location else { return 0 }
        return ["", "-wal"].reduce(0) { total, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0
            return total + size
        }
    }

    /// Makes the import's row if it has none yet.
    func recordImport(_ run: ImportRun) throws {
        _ = try write { db in try run.id(in: db, account: account) }
    }

    /// Records how an import ended.
    func finishImport(_ id: Int64, summary: ImportSummary, at date: Date) throws {
        try write { db in
            guard var record = try ImportRecord.fetchOne(db, key: id), record.account == account else { return }
            record.platform = summary.platform
            record.finishedAt = date
            record.chatsAdded = summary.chatsAdded
            record.chatsUpdated = summary.chatsUpdated
            record.chatsUnchanged = summary.chatsUnchanged
            record.messagesAdded = summary.messagesAdded
            record.messagesUpdated = summary.messagesUpdated
            record.skipped = summary.skipped
            record.memoriesExtracted = summary.memoriesExtracted
            record.diagnostics = JSONColumn.encode(summary.diagnostics)
            try record.update(db)
        }
    }

    /// Chat row ids an import brought in.
    func chatIDs(importID: String) throws -> [Int64] {
        try read { db in
            let rowID = try importRowID(importID, db: db)
            return try Int64.fetchAll(
                db, sql: "SELECT id FROM chats WHERE import_id = ? AND account = ? ORDER BY id",
                arguments: [rowID, account])
        }
    }

    /// The row id of one of this account's imports, or a not-found error that says where ids are.
    func importRowID(_ importID: String, field: String = "import_id", db: Database) throws -> Int64 {
        let rowID = try PublicID.importRun.require(importID, field: field)
        guard let record = try ImportRecord.fetchOne(db, key: rowID), record.account == account else {
            throw RecallError(.notFound, "No import with id \(importID). memory_stats lists the imports.")
        }
        return rowID
    }
}
