/// What `recall migrate` needs of a store: its tables' rows, read in key order and written
/// back with their ids, so every public id (`c_12`, `mem_40`) means the same in the copy.
protocol CopyableStore {
    /// Rows of `table` with a key above `after` (all rows of a table not paged by id), at most `limit`.
    func copyRows(_ table: CopyTable, after: Int64, limit: Int) throws -> [CopyRow]
    /// Writes rows keeping their ids; rows whose key is already there are left as they are, so a
    /// copy can run again. Link columns are written as NULL here and set by `copyLinks`.
    /// Returns how many rows were new.
    func insertCopied(_ table: CopyTable, rows: [CopyRow]) throws -> Int
    /// Sets a table's link columns from the source's rows.
    func copyLinks(_ table: CopyTable, rows: [CopyRow]) throws
    /// Rows in a table.
    func copyCount(_ table: CopyTable) throws -> Int
    /// Brings what the store derives from copied rows up to date: full-text indexes, id
    /// sequences, word statistics.
    func finishCopy() throws
}
