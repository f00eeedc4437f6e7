import Foundation
import PostgresNIO

extension PostgresStore {
    /// One of this account's chats by public id, or a not-found error that says how to find ids.
    func chatRecord(_ id: String, field: String = "id", on connection: PostgresConnection) throws -> ChatRecord {
        let rowID = try PublicID.chat.require(id, field: field)
        guard
            let row = try connection.run(
                "SELECT \(unescaped: ChatRecord.postgresColumns) FROM chats WHERE id = \(rowID) AND account = \(account)"
            ).rows.first
        else {
            throw RecallError(.notFound, "No chat with id \(id). Use list_chats or search to find chat ids.")
        }
        return try ChatRecord(postgres: row)
    }

    /// Lists chats, pinned first, then most recently updated.
    func listChats(_ request: ChatListRequest) throws -> ChatPage {
        try read { connection in
            let importRow = try request.importID.map { try PublicID.importRun.require($0, field: "import_id") }
            let total =
                try connection.run(chatsQuery("COUNT(*)", request, importRow: importRow, tail: "")).rows.first?.decode(
                    Int.self) ?? 0
            let offset = (request.page - 1) * request.pageSize
            // SQLite sorts NULL lowest; PostgreSQL highest unless told.
            let order =
                "ORDER BY pinned DESC, COALESCE(updated_at, created_at) DESC NULLS LAST, id DESC LIMIT \(request.pageSize) OFFSET \(offset)"
            let rows = try connection.run(
                chatsQuery(ChatRecord.postgresColumns, request, importRow: importRow, tail: order)
            ).rows.map(ChatRecord.init(postgres:))
            let totalPages = total == 0 ? 0 : (total + request.pageSize - 1) / request.pageSize
            return ChatPage(
                items: rows.map(\.chat), page: request.page, pageSize: request.pageSize, total: total,
                totalPages: totalPages)
        }
    }

    /// `SELECT <columns> FROM chats` with a chat list's filters (a NULL filter passes every chat),
    /// then `tail`.
    private func chatsQuery(_ columns: String, _ request: ChatListRequest, importRow: Int64?, tail: String)
        -> PostgresQuery
    {
        let title = request.title.flatMap { $0.isEmpty ? nil : "%" + SQLText.escapeLike($0) + "%" }
        let platform = request.platform?.rawValue
        // ILIKE: SQLite's LIKE ignores the case of ASCII letters (PostgreSQL's ILIKE of all letters).
        return """
            SELECT \(unescaped: columns) FROM chats
            WHERE account = \(account)
            AND (\(platform)::text IS NULL OR platform = \(platform))
            AND (\(title)::text IS NULL OR COALESCE(title_override, title, '') ILIKE \(title) ESCAPE '\\')
            AND (\(request.dateFrom)::timestamptz IS NULL OR COALESCE(updated_at, created_at) >= \(request.dateFrom))
            AND (\(request.dateTo)::timestamptz IS NULL OR COALESCE(created_at, updated_at) <= \(request.dateTo))
            AND (NOT \(request.pinnedOnly) OR pinned)
            AND (\(importRow)::bigint IS NULL OR import_id = \(importRow))
            AND (\(request.bucket)::text IS NULL OR bucket = \(request.bucket))
            \(unescaped: tail)
            """
    }

    /// Changes a chat's own fields.
    ///
    /// A rename survives later re-imports.
    func updateChat(_ update: ChatUpdate) throws -> Chat {
        try write { connection in
            var chat = try chatRecord(update.id, on: connection)
            if let title = update.title { chat.titleOverride = title.isEmpty ? nil : title }
            if let pinned = update.pinned { chat.pinned = pinned }
            if let bucket = update.bucket { chat.bucket = bucket.isEmpty ? nil : bucket }
            if let tags = update.tags { chat.tags = JSONColumn.encode(JSONColumn.normalizedTags(tags)) }
            try Self.updateChatRow(chat, on: connection)
            return chat.chat
        }
    }

    /// Stored messages of a chat that lie on branches other than the active one.
    func otherBranchMessages(chatID: String) throws -> Int {
        try read { connection in
            let chat = try chatRecord(chatID, on: connection)
            return try connection.run(
                "SELECT COUNT(*) FROM messages WHERE chat_id = \(chat.id ?? 0) AND position IS NULL"
            ).rows.first?.decode(Int.self) ?? 0
        }
    }

    /// Row ids of a memory's source turn, checked to be this account's chat and a message of it.
    func sourceRowIDs(_ source: MemorySource) throws -> (chat: Int64?, message: Int64?) {
        try read { connection in
            let chat = try chatRecord(source.chatID, field: "source.chat_id", on: connection)
            guard let messageID = source.messageID else { return (chat.id, nil) }
            let rowID = try PublicID.message.require(messageID, field: "source.message_id")
            let found = try connection.run(
                "SELECT 1 FROM messages WHERE id = \(rowID) AND chat_id = \(chat.id ?? 0)"
            ).rows.count
            guard found == 1 else {
                throw RecallError(
                    .notFound,
                    "No message with id \(messageID) in chat \(source.chatID). get_conversation lists its messages.")
            }
            return (chat.id, rowID)
        }
    }
}
