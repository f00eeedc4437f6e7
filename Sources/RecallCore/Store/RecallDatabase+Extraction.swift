import Foundation
import GRDB

extension RecallDatabase {
    /// The visible active-branch messages of chats, as extractor inputs carrying their provenance.
    func extractionInputs(chatIDs: [Int64]) throws -> [ExtractionInput] {
        try read { db in
            try chatIDs.flatMap { chatID in
                try MessageRecord.fetchAll(
                    db, sql: "SELECT * FROM messages WHERE chat_id = ? AND position IS NOT NULL AND hidden = 0 ORDER BY position",
                    arguments: [chatID]
                ).map { record in
                    ExtractionInput(
                        text: record.content, role: MessageRole(rawValue: record.role) ?? .user, date: record.createdAt,
                        source: MemorySource(chatID: PublicID.chat.string(chatID), messageID: PublicID.message.string(record.id ?? 0)))
                }
            }
        }
    }

    /// Stores extracted candidates in one transaction, deduplicating against current memories.
    func store(_ candidates: [MemoryCandidate], userID: String, now: Date) throws -> (memories: [Memory], added: Int) {
        try write { db in
            var added = 0
            let memories = try candidates.map { candidate in
                var draft = MemoryDraft(content: candidate.content, type: candidate.type, confidence: candidate.confidence)
                draft.userID = userID
                draft.memoriesAt = candidate.memoriesAt
                draft.sourceChatID = candidate.source.flatMap { PublicID.chat.rowID($0.chatID) }
                draft.sourceMessageID = candidate.source?.messageID.flatMap { PublicID.message.rowID($0) }
                let (record, outcome) = try insertMemory(draft, now: now, db: db)
                if outcome == .added { added += 1 }
                return try memory(record, db: db)
            }
            return (memories, added)
        }
    }

    /// Checks that every chat id names a stored chat and returns the row ids.
    func chatRowIDs(_ ids: [String], field: String) throws -> [Int64] {
        try read { db in try ids.map { try chatRecord($0, field: field, db: db).id ?? 0 } }
    }
}
