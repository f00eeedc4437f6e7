import Foundation
import GRDB

extension RecallDatabase {
    /// The most characters of message text one page carries, so results stay well under
    /// what clients accept (about 40,000 characters with the JSON around them).
    static let pageTextBudget = 30_000

    /// Reads a slice of a conversation's active branch, by range or around one message.
    ///
    /// A message id (`msg_5`) in place of the chat id opens that message's chat around it.
    func conversation(_ request: ConversationRequest) throws -> ConversationPage {
        try read { db in
            var request = request
            if let rowID = PublicID.message.rowID(request.id) {
                // Another account's message is as unknown as one that does not exist.
                guard
                    let message = try MessageRecord.fetchOne(
                        db,
                        sql:
                            "SELECT m.* FROM messages m JOIN chats c ON c.id = m.chat_id WHERE m.id = ? AND c.account = ?",
                        arguments: [rowID, account])
                else {
                    throw RecallError(
                        .notFound,
                        "No message with id \(request.id). Use search to find message ids, or list_chats for chat ids.")
                }
                request.aroundMessageID = request.aroundMessageID ?? request.id
                request.id = PublicID.chat.string(message.chatId)
            }
            let chat = try chatRecord(request.id, db: db)
            let chatID = chat.id ?? 0
            let hiddenClause = request.includeHidden ? "" : "AND hidden = 0"
            var records = try MessageRecord.fetchAll(
                db,
                sql:
                    "SELECT * FROM messages WHERE chat_id = ? AND position IS NOT NULL \(hiddenClause) ORDER BY position",
                arguments: [chatID])
            var offset = request.offset
            var limit = request.limit
            if let around = request.aroundMessageID {
                let target = try message(around, in: chatID, db: db)
                if let index = records.firstIndex(where: { $0.id == target.id }) {
                    offset = max(0, index - request.before)
                    limit = index - offset + request.after + 1
                } else {
                    // The message is on another branch, or hidden: show the path that leads to it.
                    records = try branch(endingAt: target, chatID: chatID, includeHidden: request.includeHidden, db: db)
                    offset = max(0, records.count - 1 - request.before)
                    limit = records.count - offset
                }
            }
            return ConversationPaging.page(records, offset: offset, limit: limit, chatID: chatID, chat: chat)
        }
    }

    /// A message of a chat by Recall id (`msg_5`) or by the platform's own id.
    private func message(_ id: String, in chatID: Int64, db: Database) throws -> MessageRecord {
        if let rowID = PublicID.message.rowID(id),
            let record = try MessageRecord.filter(Column("chat_id") == chatID && Column("id") == rowID).fetchOne(db)
        {
            return record
        }
        if let record = try MessageRecord.filter(Column("chat_id") == chatID && Column("source_id") == id).fetchOne(db)
        {
            return record
        }
        throw RecallError(
            .notFound,
            "No message \(id) in chat \(PublicID.chat.string(chatID)). Use the id or source_message_id a search hit gave."
        )
    }

    /// The messages from the root down to `leaf` (see `ConversationPaging.branch`).
    private func branch(endingAt leaf: MessageRecord, chatID: Int64, includeHidden: Bool, db: Database) throws
        -> [MessageRecord]
    {
        ConversationPaging.branch(
            endingAt: leaf, among: try MessageRecord.filter(Column("chat_id") == chatID).fetchAll(db),
            includeHidden: includeHidden)
    }
}
