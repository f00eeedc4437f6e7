import Foundation
import GRDB

/// The SQL conditions a search's filters add, with their bound arguments.
struct SearchConditions {
    var clauses: [String] = []
    var arguments: StatementArguments = []

    mutating func add(_ clause: String, _ values: any DatabaseValueConvertible...) {
        clauses.append(clause)
        for value in values { _ = arguments.append(contentsOf: [value]) }
    }

    /// `a AND b AND …` (or `1` when there is nothing).
    var sql: String { clauses.isEmpty ? "1" : clauses.joined(separator: " AND ") }

    /// Visible active-branch messages (`m`) of the account's chats (`c`) that pass the filters.
    static func messages(_ filters: SearchFilters, account: String) throws -> SearchConditions {
        var conditions = SearchConditions()
        conditions.add("c.account = ?", account)
        conditions.add("m.hidden = 0")
        conditions.add("m.position IS NOT NULL")
        if let platform = filters.platform { conditions.add("c.platform = ?", platform.rawValue) }
        if let chatID = filters.chatID {
            conditions.add("m.chat_id = ?", try PublicID.chat.require(chatID, field: "chat_id"))
        }
        if let bucket = filters.bucket { conditions.add("c.bucket = ?", bucket) }
        for tag in filters.tags { conditions.add("EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = ?)", tag) }
        if let from = filters.dateFrom { conditions.add("COALESCE(m.created_at, c.created_at) >= ?", from) }
        if let to = filters.dateTo { conditions.add("COALESCE(m.created_at, c.created_at) <= ?", to) }
        return conditions
    }

    /// Current memories (`mem`) of the account and namespace that pass the filters.
    static func memories(_ filters: SearchFilters, account: String) throws -> SearchConditions {
        var conditions = SearchConditions()
        conditions.add("mem.account = ?", account)
        conditions.add("mem.superseded_by IS NULL")
        conditions.add("mem.user_id = ?", filters.userID ?? Memory.defaultUserID)
        if let type = filters.memoryType { conditions.add("mem.type = ?", type.rawValue) }
        if let bucket = filters.bucket { conditions.add("mem.bucket = ?", bucket) }
        for tag in filters.tags { conditions.add("EXISTS (SELECT 1 FROM json_each(mem.tags) WHERE value = ?)", tag) }
        if let chatID = filters.chatID {
            conditions.add("mem.source_chat_id = ?", try PublicID.chat.require(chatID, field: "chat_id"))
        }
        if let platform = filters.platform {
            conditions.add(
                "EXISTS (SELECT 1 FROM chats c WHERE c.id = mem.source_chat_id AND c.platform = ?)", platform.rawValue)
        }
        // Bound as the memories table stores them (see MemoryRecord), so bounds before 1583 compare right.
        if let from = filters.dateFrom {
            conditions.add("COALESCE(mem.memories_at, mem.created_at) >= ?", ProlepticGregorian.storageText(from))
        }
        if let to = filters.dateTo {
            conditions.add("COALESCE(mem.memories_at, mem.created_at) <= ?", ProlepticGregorian.storageText(to))
        }
        return conditions
    }
}
