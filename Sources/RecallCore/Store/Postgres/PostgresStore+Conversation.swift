import Foundation
import PostgresNIO

extension PostgresStore {
    /// Reads a slice of a conversation's active branch, by range or around one message.
    ///
    /// A message id (`msg_5`) in place of the chat id opens that message's chat around it.
    func conversation(_ request: ConversationRequest) throws -> ConversationPage {
        try read { connection in
            var request = request
            if let rowID = PublicID.message.rowID(request.id) {
                // Another account's message is as unknown as one that does not exist.
                guard
                    let row = try connection.run(
                        "SELECT m.chat_id FROM messages m JOIN chats c ON c.id = m.chat_id WHERE m.id = \(rowID) AND c.account = \(account)"
                    ).rows.first
                else {
                    throw RecallError(
                        .notFound,
                        "No message with id \(request.id). Use search to find message ids, or list_chats for chat ids.")
                }
                request.aroundMessageID = request.aroundMessageID ?? request.id
                request.id = PublicID.chat.string(try row.decode(Int64.self))
            }
            let chat = try chatRecord(request.id, on: connection)
            let chatID = chat.id ?? 0
            var records = try messageRows(
                "WHERE chat_id = \(chatID) AND position IS NOT NULL \(request.includeHidden ? "" : "AND NOT hidden") ORDER BY position",
                on: connection)
            var offset = request.offset
            var limit = request.limit
            if let around = request.aroundMessageID {
                let target = try message(around, in: chatID, on: connection)
                if let index = records.firstIndex(where: { $0.id == target.id }) {
                    offset = max(0, index - request.before)
                    limit = index - offset + request.after + 1
                } else {
                    // The message is on another branch, or hidden: show the path that leads to it.
                    records = try branch(
                        endingAt: target, chatID: chatID, includeHidden: request.includeHidden, on: connection)
                    offset = max(0, records.count - 1 - request.before)
                    limit = records.count - offset
                }
            }
            return ConversationPaging.page(records, offset: offset, limit: limit, chatID: chatID, chat: chat)
        }
    }

    /// Messages matching `clause` (SQL text built from row ids and constants only).
    func messageRows(_ clause: String, on connection: PostgresConnection) throws -> [MessageRecord] {
        try connection.run("SELECT \(unescaped: MessageRecord.postgresColumns()) FROM messages \(unescaped: clause)")
            .rows.map(MessageRecord.init(postgres:))
    }

    /// A message of a chat by Recall id (`msg_5`) or by the platform's own id.
    private func message(_ id: String, in chatID: Int64, on connection: PostgresConnection) throws -> MessageRecord {
        let columns = MessageRecord.postgresColumns()
        if let rowID = PublicID.message.rowID(id),
            let row = try connection.run(
                "SELECT \(unescaped: columns) FROM messages WHERE chat_id = \(chatID) AND id = \(rowID)"
            ).rows.first
        {
            return try MessageRecord(postgres: row)
        }
        if let row = try connection.run(
            "SELECT \(unescaped: columns) FROM messages WHERE chat_id = \(chatID) AND source_id = \(id)"
        ).rows.first {
            return try MessageRecord(postgres: row)
        }
        throw RecallError(
            .notFound,
            "No message \(id) in chat \(PublicID.chat.string(chatID)). Use the id or source_message_id a search hit gave."
        )
    }

    /// The messages from the root down to `leaf` (see `ConversationPaging.branch`).
    private func branch(
        endingAt leaf: MessageRecord, chatID: Int64, includeHidden: Bool, on connection: PostgresConnection
    )
        throws -> [MessageRecord]
    {
        ConversationPaging.branch(
            endingAt: leaf, among: try messageRows("WHERE chat_id = \(chatID)", on: connection),
            includeHidden: includeHidden)
    }

    /// The visible active-branch turns around a message: `radius` on each side, in order.
    func window(around messageID: String, radius: Int) throws -> MessageWindow? {
        guard let rowID = PublicID.message.rowID(messageID) else { return nil }
        return try read { connection in
            guard let hit = try messageRows("WHERE id = \(rowID)", on: connection).first, let position = hit.position,
                let chatRow = try connection.run(
                    "SELECT \(unescaped: ChatRecord.postgresColumns) FROM chats WHERE id = \(hit.chatId) AND account = \(account)"
                ).rows.first
            else { return nil }
            let chat = try ChatRecord(postgres: chatRow)
            // SQLite reads a negative LIMIT as none.
            let limit = radius < 0 ? "ALL" : "\(radius)"
            let before = try messageRows(
                "WHERE chat_id = \(hit.chatId) AND NOT hidden AND position < \(position) ORDER BY position DESC LIMIT \(limit)",
                on: connection)
            let after = try messageRows(
                "WHERE chat_id = \(hit.chatId) AND NOT hidden AND position > \(position) ORDER BY position LIMIT \(limit)",
                on: connection)
            let records = before.reversed() + [hit] + after
            return MessageWindow(
                chatID: hit.chatId, chatTitle: chat.chat.title,
                platform: Platform(rawValue: chat.platform) ?? .transcript,
                messages: records.map(\.message), positions: records.compactMap(\.position))
        }
    }
}
