import Foundation

/// Where the member readers send what they find, one call per finding; they know nothing else
/// of the read around them (see `ExportReadLog`, the one implementation).
protocol ExportSink: AnyObject {
    /// Hands over a conversation read whole.
    ///
    /// Throws `ExportEmitFailure` when the caller's storage failed or the time is up; the
    /// reader must let it through unchanged.
    func emit(_ conversation: ParsedConversation, file: String) throws
    /// Whether the caller already stores the conversation read cleanly from bytes with this
    /// fingerprint (`ElementFingerprint`); then the reader passes it over without parsing it.
    func isStored(fingerprint: String) -> Bool
    /// Records a problem, a conversation skipped whole, or a file found to be an export.
    func report(_ event: ExportReadEvent)
    /// Says how far the current file has been read.
    func progress(file: String, bytesRead: Int, totalBytes: Int?)
}

/// Something a member reader noticed that is not a conversation.
enum ExportReadEvent: Equatable {
    /// A problem that did not stop the read.
    case diagnostic(ImportDiagnostic)
    /// A conversation that could not be read at all (its error diagnostic comes separately).
    case skipped
    /// A file that is an export: of `platform`, or an empty list when nil.
    case recognized(file: String, platform: Platform?)
}
