public import Foundation

/// How far `recall migrate` has got: rows of one table copied so far.
public struct MigrationProgress: Sendable, Equatable {
    /// The table being copied.
    public var table: String
    /// Its rows read from the source so far.
    public var rows: Int
    /// Its rows in the source.
    public var total: Int
}

/// What `recall migrate` did, table by table, checked by counting both stores afterwards.
public struct MigrationSummary: Sendable, Codable, Equatable {
    /// One table's copy.
    public struct Table: Sendable, Codable, Equatable {
        /// The table.
        public var name: String
        /// Rows in the source.
        public var source: Int
        /// Rows this run wrote (0 for every table when the copy ran before).
        public var copied: Int
        /// Rows in the target afterwards: equal to `source` when the copy is whole.
        public var target: Int
    }

    /// Where the rows came from (no password).
    public var from: String
    /// Where they went (no password).
    public var to: String
    /// Every table, parents first.
    public var tables: [Table]
}
