import Synchronization

/// The in-memory vector indexes of one store, one per (kind of row, model, account), created
/// on first use and brought up to date before each search that reads them.
///
/// An account's index holds only its own rows (see `RecallDatabase.vectorRows`), so a search by
/// meaning never scores, and never returns, another account's messages or memories.
final class VectorIndexes: Sendable {
    private struct Key: Hashable {
        var kind: VectorKind
        var model: String
        var account: String
    }

    private let indexes = Mutex<[Key: VectorIndex]>([:])

    /// Rows read from the store per round trip while loading.
    static let loadBatch = 20_000

    /// The index of a kind and model for the database's account, with every vector of that
    /// account the store holds now.
    func current(_ kind: VectorKind, model: String, database: any RecallStore) throws -> VectorIndex {
        let key = Key(kind: kind, model: model, account: database.account)
        let index = indexes.withLock { all in
            if let existing = all[key] { return existing }
            let created = VectorIndex()
            all[key] = created
            return created
        }
        try refresh(index, kind: kind, model: model, database: database)
        return index
    }

    /// Loads what was stored since the index last looked: usually nothing (one indexed MAX read).
    private func refresh(_ index: VectorIndex, kind: VectorKind, model: String, database: any RecallStore) throws {
        let newest = try database.lastVectorID(kind)
        guard newest > index.checkedVectorID || !index.isLoaded else { return }
        if let modelID = try database.knownVectorModelID(model) {
            var after = index.checkedVectorID
            while after < newest {
                let rows = try database.vectorRows(
                    kind, modelID: modelID, after: after, upTo: newest, limit: Self.loadBatch)
                index.extend(with: rows)
                guard rows.count == Self.loadBatch, let last = rows.last?.vectorID else { break }
                after = last
            }
        }
        index.markChecked(upTo: newest)
    }
}
