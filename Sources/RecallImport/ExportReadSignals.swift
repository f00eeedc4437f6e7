/// A container stopped delivering bytes part-way (a read error, a ZIP limit, a damaged
/// archive); the conversations read before it stay, the one being read is skipped.
struct ExportReadInterruption: Error {
    /// What went wrong, phrased to follow "file: …".
    var reason: String
    /// True when a size limit caused it, so an import with nothing else becomes `tooLarge`.
    var isSizeLimit: Bool

    /// Creates an interruption.
    init(_ reason: String, isSizeLimit: Bool = false) {
        self.reason = reason
        self.isSizeLimit = isSizeLimit
    }
}

/// The caller's `emit` threw (a storage failure): the read must end with that very error.
///
/// Wrapped so that no stage mistakes it for a problem of its own and turns it into a diagnostic.
struct ExportEmitFailure: Error {
    /// The caller's error, rethrown unchanged by `ExportReader.read`.
    var underlying: any Error
}

/// A member turned out not to be an export; stop reading it.
struct ExportMemberNotRecognized: Error {}
