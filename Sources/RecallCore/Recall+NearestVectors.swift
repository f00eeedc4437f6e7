extension Recall {
    /// One model's vectors of a kind, as this store searches them: the database's own index when
    /// it has one (pgvector), else the in-memory scan brought up to date with what was stored.
    func nearestVectors(_ kind: VectorKind, model: String) throws -> any NearestVectors {
        let database = try database()
        if let served = try database.servedVectors(kind, model: model) { return served }
        return try vectorIndexes.current(kind, model: model, database: database)
    }
}
