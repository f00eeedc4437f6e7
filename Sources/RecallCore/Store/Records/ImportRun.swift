import Foundation
import GRDB

/// One import's row in `imports`, created only when the import first stores something.
///
/// An import that fails before storing a chat, or finds nothing new, takes no id and leaves no
/// row: the row is inserted inside the transaction of the first batch that adds or updates a
/// chat, so it is committed with that batch or not at all.
final class ImportRun {
    /// What was imported, as the row records it.
    let path: String
    /// The platform detected (or forced) so far.
    var platform: String
    /// When the import started.
    let startedAt: Date
    /// The row's id once it exists.
    private(set) var rowID: Int64?
    /// False for chats stored outside any import: no row is ever made.
    private let recordsRow: Bool

    /// A run whose row does not exist yet.
    init(path: String, platform: String, startedAt: Date) {
        self.path = path
        self.platform = platform
        self.startedAt = startedAt
        recordsRow = true
    }

    /// A run for chats stored outside any import (`rowID` nil) or into an existing one.
    init(existing rowID: Int64?) {
        path = ""
        platform = ""
        startedAt = Date(timeIntervalSince1970: 0)
        self.rowID = rowID
        recordsRow = rowID != nil
    }

    /// The row's id, inserting the row for `account` within `db`'s transaction the first time;
    /// nil for chats stored outside any import.
    @discardableResult
    func id(in db: Database, account: String) throws -> Int64? {
        guard recordsRow else { return nil }
        if let rowID { return rowID }
        var record = ImportRecord(path: path, platform: platform, startedAt: startedAt, account: account)
        try record.insert(db)
        rowID = record.id
        return record.id
    }

    /// The row's id, inserting the row with `insert` (which returns its id) the first time.
    ///
    /// Nil for chats stored outside any import. For a store whose transactions are not GRDB's.
    @discardableResult
    func id(creating insert: () throws -> Int64) rethrows -> Int64? {
        guard recordsRow else { return nil }
        if let rowID { return rowID }
        let created = try insert()
        rowID = created
        return created
    }

    /// Sets the row id back to what it was before a transaction that is about to run again: a
    /// retried transaction starts over, and a row its first attempt made was rolled back.
    func rewind(to earlier: Int64?) {
        rowID = earlier
    }

    /// Runs `body`, forgetting a row it created if it throws (its transaction rolled back).
    func rollingBack<T>(_ body: () throws -> T) rethrows -> T {
        let before = rowID
        do {
            return try body()
        } catch {
            rowID = before
            throw error
        }
    }
}
