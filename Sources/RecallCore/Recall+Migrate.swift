import Foundation

extension Recall {
    /// Rows read from the source at a time: memory stays flat whatever the store's size.
    static let migrationBatch = 2_000

    /// Copies every row of one store into another (SQLite to PostgreSQL or back), keeping ids, so
    /// chat, message and memory ids mean the same in both; then counts both to check the copy.
    ///
    /// Rows already in the target are left alone, so a copy that stopped part-way can run again.
    /// A target that held other data is refused after the count (`conflict`), nothing of it
    /// overwritten.
    public static func migrate(
        from source: StoreLocation, to target: StoreLocation, progress: (MigrationProgress) -> Void = { _ in }
    ) throws -> MigrationSummary {
        guard source != target else {
            throw RecallError(.invalidArgument, "The store to copy from and the one to copy to are the same.")
        }
        let reader = try copyable(source)
        let writer = try copyable(target)
        var tables: [MigrationSummary.Table] = []
        for table in CopyTable.all {
            let total = try reader.copyCount(table)
            var copied = 0
            var read = 0
            var after = Int64.min
            repeat {
                let rows = try reader.copyRows(table, after: after, limit: table.pagedByID ? migrationBatch : .max)
                guard !rows.isEmpty else { break }
                copied += try writer.insertCopied(table, rows: rows)
                try writer.copyLinks(table, rows: rows)
                read += rows.count
                progress(MigrationProgress(table: table.name, rows: read, total: total))
                guard table.pagedByID, rows.count == migrationBatch, let last = rows.last?[0].integer else { break }
                after = last
            } while true
            tables.append(.init(name: table.name, source: total, copied: copied, target: try writer.copyCount(table)))
        }
        try writer.finishCopy()
        let summary = MigrationSummary(from: source.displayPath, to: target.displayPath, tables: tables)
        if let differing = tables.first(where: { $0.target != $0.source }) {
            throw RecallError(
                .conflict,
                "The copy is not whole: \(differing.name) has \(differing.source) rows in \(summary.from) and \(differing.target) in \(summary.to). The target held data of its own; copy into an empty store."
            )
        }
        return summary
    }

    /// A store opened for copying.
    private static func copyable(_ location: StoreLocation) throws -> any CopyableStore {
        guard let store = try openStore(location) as? any CopyableStore else {
            throw RecallError(.internalError, "The store at \(location.displayPath) cannot be copied.")
        }
        return store
    }

    /// Opens the store a location names, bringing its schema up to date.
    static func openStore(_ location: StoreLocation) throws -> any RecallStore {
        switch location {
        case .postgres(let url): try PostgresStore(settings: PostgresSettings(url: url), signing: .languages)
        case .file, .inMemory: try RecallDatabase(location: location, signing: .languages)
        }
    }
}
