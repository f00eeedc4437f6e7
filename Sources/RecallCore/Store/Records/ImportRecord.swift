import Foundation
import GRDB

/// A row of `imports`: one run of `import_chats`.
struct ImportRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "imports"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var path: String
    var platform: String
    var startedAt: Date
    var finishedAt: Date?
    var chatsAdded: Int = 0
    var chatsUpdated: Int = 0
    var chatsUnchanged: Int = 0
    var messagesAdded: Int = 0
    var messagesUpdated: Int = 0
    var skipped: Int = 0
    var memoriesExtracted: Int = 0
    var diagnostics: String = "[]"
    /// The account that owns the row (see `Account`).
    var account: String = Account.local

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The summary `memory_stats` lists.
    var summary: ImportRecordSummary {
        ImportRecordSummary(
            id: PublicID.importRun.string(id ?? 0), path: path, platform: platform, startedAt: startedAt,
            chatsAdded: chatsAdded, messagesAdded: messagesAdded)
    }
}
