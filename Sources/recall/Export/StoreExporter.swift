import Foundation
import RecallCore

/// Pages through a store's chats (with their messages) and memories and writes them as one
/// JSON document.
///
/// The document:
/// ```json
/// {
///   "chats" : [ { "chat" : { …list_chats item… }, "messages" : [ …get_conversation messages… ] } ],
///   "exported_at" : "2026-01-31T12:00:00Z",
///   "format" : "recall-export",
///   "memories" : [ { …list_memories item… } ],
///   "version" : 1
/// }
/// ```
/// Keys are sorted; `chats` or `memories` is absent when not exported.
struct StoreExporter {
    /// What to export.
    enum Part: String, CaseIterable {
        case all, chats, memories
    }

    /// The format's version; bump it when the shape changes.
    static let formatVersion = 1

    var recall: Recall
    var part: Part
    var includeSuperseded: Bool
    var includeHidden: Bool
    var userID: String?
    var now: Date

    /// What was written, for the closing line on stderr.
    struct Counts {
        var chats = 0
        /// Messages written: the visible messages of each chat's active branch, as `recall chats`
        /// and `recall stats` count them.
        var messages = 0
        /// Hidden messages written as well (with `--include-hidden`).
        var hiddenMessages = 0
        var memories = 0
    }

    /// Writes the document; returns what it held.
    func write(to writer: ExportWriter) throws -> Counts {
        var counts = Counts()
        writer.beginDocument()
        if part != .memories {
            writer.beginArray("chats")
            try writeChats(to: writer, counts: &counts)
            writer.endArray()
        }
        try writer.field("exported_at", now)
        try writer.field("format", "recall-export")
        if part != .chats {
            writer.beginArray("memories")
            try writeMemories(to: writer, counts: &counts)
            writer.endArray()
        }
        try writer.endDocument(lastKey: "version", Self.formatVersion)
        return counts
    }

    private func writeChats(to writer: ExportWriter, counts: inout Counts) throws {
        var page = 1
        while true {
            let chats = try recall.listChats(ChatListRequest(page: page, pageSize: 100))
            for chat in chats.items {
                let messages = try allMessages(of: chat.id)
                try writer.element(ExportedChat(chat: chat, messages: messages))
                counts.chats += 1
                counts.messages += messages.count(where: { !$0.hidden })
                counts.hiddenMessages += messages.count(where: \.hidden)
            }
            guard page < chats.totalPages, !chats.items.isEmpty else { return }
            page += 1
        }
    }

    private func allMessages(of chatID: String) throws -> [Message] {
        var messages: [Message] = []
        var offset = 0
        while true {
            let slice = try recall.conversation(
                ConversationRequest(
                    id: chatID, offset: offset, limit: Limits.conversationMessages.upperBound,
                    includeHidden: includeHidden)
            )
            messages += slice.messages
            guard let next = slice.nextOffset, next > offset else { return messages }
            offset = next
        }
    }

    private func writeMemories(to writer: ExportWriter, counts: inout Counts) throws {
        var cursor: String?
        repeat {
            let page = try recall.listMemories(
                MemoryListRequest(
                    limit: 100, cursor: cursor, order: .oldest, userID: userID, includeSuperseded: includeSuperseded
                )
            )
            for memory in page.memories {
                try writer.element(memory)
                counts.memories += 1
            }
            cursor = page.memories.isEmpty ? nil : page.nextCursor
        } while cursor != nil
    }
}

/// One chat in an export: the chat as `list_chats` shows it, and its active-branch messages.
private struct ExportedChat: Encodable {
    var chat: Chat
    var messages: [Message]
}
