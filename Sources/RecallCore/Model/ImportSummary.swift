/// What one import did, per the whole run: the counts and every diagnostic.
public struct ImportSummary: Sendable, Codable, Equatable {
    /// The import's id (`imp_3`); `forget(import_id:)` removes what it added.
    ///
    /// Absent when the
    /// import stored nothing (every chat was already there): such a run leaves no record.
    public var importID: String?
    /// The platform detected (or forced); `mixed` when a folder held several.
    public var platform: String
    /// Files read (ZIP members count one each).
    public var files: [String]
    /// Chats that were new.
    public var chatsAdded: Int
    /// Chats that existed and changed.
    public var chatsUpdated: Int
    /// Chats that existed and did not change.
    public var chatsUnchanged: Int
    /// Messages that were new.
    public var messagesAdded: Int
    /// Messages that existed and changed.
    public var messagesUpdated: Int
    /// Conversations skipped whole: they could not be read, or held no message.
    public var skipped: Int
    /// Memories extracted when extraction was asked for.
    public var memoriesExtracted: Int
    /// Everything that went wrong but did not stop the import.
    public var diagnostics: [ImportDiagnostic]
    /// Why the import stopped before reading everything (its time limit), when it did; what it
    /// stored stays, and running it again continues.
    public var stoppedEarly: String?

    /// Creates an empty summary for an import.
    public init(importID: String?, platform: String) {
        self.importID = importID
        self.platform = platform
        self.files = []
        self.chatsAdded = 0
        self.chatsUpdated = 0
        self.chatsUnchanged = 0
        self.messagesAdded = 0
        self.messagesUpdated = 0
        self.skipped = 0
        self.memoriesExtracted = 0
        self.diagnostics = []
        self.stoppedEarly = nil
    }
}
