import Foundation

/// The row-level reads and writes the memory rules make, inside one write transaction: one
/// conformance per database, so the rules themselves (`MemoryRules`) are written once and two
/// stores cannot drift apart.
///
/// Every lookup reads only `account`'s rows, except `memory(rowID:)`, which follows a chain the
/// rules already reached through the account's own rows.
protocol MemoryRows {
    /// Whose rows the lookups read and new rows belong to.
    var account: String { get }
    /// A memory by row id, or nil when there is none.
    func memory(rowID: Int64) throws -> MemoryRecord?
    /// A memory of the record's user that already cites its message for the same statement (the
    /// same normalized text or gist), as its source or as an extra source.
    func knownEvidence(_ record: MemoryRecord) throws -> MemoryRecord?
    /// The first current memory of a user and bucket with this normalized text.
    func current(userID: String, bucket: String?, normalized: String) throws -> MemoryRecord?
    /// The first current memory of a user and bucket with this gist.
    func current(userID: String, bucket: String?, gist: String) throws -> MemoryRecord?
    /// The newest current memory of a user and bucket holding this slot.
    func slotHolder(userID: String, bucket: String?, slot: String) throws -> MemoryRecord?
    /// Inserts a new memory (with its search text indexed) and sets its id.
    func insert(_ record: inout MemoryRecord) throws
    /// Writes every column of a stored memory (and re-indexes its search text).
    func update(_ record: MemoryRecord) throws
    /// Adds an extra source to a memory, unless it already has it.
    func addSource(memoryID: Int64, chatID: Int64, messageID: Int64?) throws
    /// Points a memory's `superseded_by` at another, changing nothing else of it.
    func setSupersededBy(_ newerID: Int64, of memoryID: Int64) throws
    /// A memory's extra sources, in the order they were added.
    func extraSources(of memoryID: Int64) throws -> [MemorySource]
}
