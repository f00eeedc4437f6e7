import Foundation
import GRDB

extension RecallDatabase {
    /// Visible messages of active branches and current memories, counted by calendar month
    /// (UTC, as stored), oldest month first.
    ///
    /// A memory counts in the month it was true or said
    /// (`memories_at`), else the month it was stored; messages without a date are left out.
    func activityByMonth() throws -> [MonthActivity] {
        try read { db in
            var months: [String: MonthActivity] = [:]
            let messages = try Row.fetchAll(
                db,
                sql: """
                    SELECT substr(m.created_at, 1, 7), COUNT(*) FROM messages m JOIN chats c ON c.id = m.chat_id
                    WHERE c.account = ? AND m.position IS NOT NULL AND m.hidden = 0 AND m.created_at IS NOT NULL GROUP BY 1
                    """,
                arguments: [account])
            for row in messages {
                guard let month = row[0] as String? else { continue }
                months[month, default: MonthActivity(month: month)].messages = row[1]
            }
            let memories = try Row.fetchAll(
                db,
                sql:
                    "SELECT substr(COALESCE(memories_at, created_at), 1, 7), COUNT(*) FROM memories WHERE account = ? AND superseded_by IS NULL GROUP BY 1",
                arguments: [account])
            for row in memories {
                guard let month = row[0] as String? else { continue }
                months[month, default: MonthActivity(month: month)].memories = row[1]
            }
            return months.values.sorted { $0.month < $1.month }
        }
    }

    /// Stored messages of a chat that lie on branches other than the active one.
    func otherBranchMessages(chatID: String) throws -> Int {
        try read { db in
            let chat = try chatRecord(chatID, db: db)
            return try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM messages WHERE chat_id = ? AND position IS NULL",
                arguments: [chat.id ?? 0]) ?? 0
        }
    }
}

extension RecallDatabase {
    /// Row ids of a memory's source turn, checked to be this account's chat and a message of it.
    func sourceRowIDs(_ source: MemorySource) throws -> (chat: Int64?, message: Int64?) {
        try read { db in
            let chat = try chatRecord(source.chatID, field: "source.chat_id", db: db)
            guard let messageID = source.messageID else { return (chat.id, nil) }
            let rowID = try PublicID.message.require(messageID, field: "source.message_id")
            let found =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM messages WHERE id = ? AND chat_id = ?",
                    arguments: [rowID, chat.id ?? 0]) ?? 0
            guard found == 1 else {
                throw RecallError(
                    .notFound,
                    "No message with id \(messageID) in chat \(source.chatID). get_conversation lists its messages.")
            }
            return (chat.id, rowID)
        }
    }
}
