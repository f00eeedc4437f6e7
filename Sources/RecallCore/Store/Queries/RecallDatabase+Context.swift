import Foundation
import GRDB

extension RecallDatabase {
    /// The visible active-branch turns around a message: `radius` on each side, in order.
    func window(around messageID: String, radius: Int) throws -> MessageWindow? {
        guard let rowID = PublicID.message.rowID(messageID) else { return nil }
        return try read { db in
            guard let hit = try MessageRecord.fetchOne(db, key: rowID), let position = hit.position,
                let chat = try ChatRecord.fetchOne(db, key: hit.chatId), chat.account == account
            else { return nil }
            let before = try MessageRecord.fetchAll(
                db,
                sql:
                    "SELECT * FROM messages WHERE chat_id = ? AND hidden = 0 AND position < ? ORDER BY position DESC LIMIT ?",
                arguments: [hit.chatId, position, radius])
            let after = try MessageRecord.fetchAll(
                db,
                sql:
                    "SELECT * FROM messages WHERE chat_id = ? AND hidden = 0 AND position > ? ORDER BY position LIMIT ?",
                arguments: [hit.chatId, position, radius])
            let records = before.reversed() + [hit] + after
            return MessageWindow(
                chatID: hit.chatId, chatTitle: chat.chat.title,
                platform: Platform(rawValue: chat.platform) ?? .transcript,
                messages: records.map(\.message), positions: records.compactMap(\.position))
        }
    }
}
