import Foundation
import PostgresNIO

extension PostgresStore {
    /// Whether this account stores a chat last read from export bytes with this fingerprint.
    func storesChat(fingerprint: String) throws -> Bool {
        try read { connection in
            !(try connection.run(
                "SELECT 1 FROM chats WHERE account = \(account) AND fingerprint = \(fingerprint) LIMIT 1"
            ).rows.isEmpty)
        }
    }

    /// Makes the import's row if it has none yet.
    func recordImport(_ run: ImportRun) throws {
        let earlier = run.rowID
        _ = try run.rollingBack {
            try write { connection in
                run.rewind(to: earlier)
                try rowID(of: run, on: connection)
            }
        }
    }

    /// Records how an import ended.
    func finishImport(_ id: Int64, summary: ImportSummary, at date: Date) throws {
        try write { connection in
            _ = try connection.run(
                """
                UPDATE imports SET platform = \(summary.platform), finished_at = \(date),
                    chats_added = \(summary.chatsAdded), chats_updated = \(summary.chatsUpdated),
                    chats_unchanged = \(summary.chatsUnchanged), messages_added = \(summary.messagesAdded),
                    messages_updated = \(summary.messagesUpdated), skipped = \(summary.skipped),
                    memories_extracted = \(summary.memoriesExtracted),
                    diagnostics = \(JSONColumn.encode(summary.diagnostics))
                WHERE id = \(id) AND account = \(account)
                """)
        }
    }

    /// Chat row ids an import brought in.
    func chatIDs(importID: String) throws -> [Int64] {
        try read { connection in
            let rowID = try importRowID(importID, on: connection)
            return try connection.run(
                "SELECT id FROM chats WHERE import_id = \(rowID) AND account = \(account) ORDER BY id"
            ).rows.map { try $0.decode(Int64.self) }
        }
    }

    /// The row id of one of this account's imports, or a not-found error that says where ids are.
    func importRowID(_ importID: String, field: String = "import_id", on connection: PostgresConnection) throws
        -> Int64
    {
        let rowID = try PublicID.importRun.require(importID, field: field)
        guard
            !(try connection.run("SELECT 1 FROM imports WHERE id = \(rowID) AND account = \(account)").rows.isEmpty)
        else {
            throw RecallError(.notFound, "No import with id \(importID). memory_stats lists the imports.")
        }
        return rowID
    }
}
