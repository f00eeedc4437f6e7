public import Foundation

/// What an import may read and how it reports, by who asked for it.
///
/// A person at a terminal types the path: `unrestricted` reads anywhere they can. A model asks
/// through MCP and may have been steered by text it read, so `restricted(to:)` keeps it inside
/// the folders the user allowed, wants evidence before taking a text file for a chat, names no
/// file that was not imported, and bounds the time an import may take.
///
/// ```swift
/// let request = ImportRequest(path: "~/Downloads/export.zip", policy: .restricted(to: ["~/Downloads"]))
/// ```
public struct ImportPolicy: Sendable, Equatable {
    /// Folders the path must lie in once its links are resolved; nil reads anywhere.
    public var allowedFolders: [String]?
    /// Text and Markdown files count as chats only when they read as an exporter's transcript
    /// from their first lines on (a header that names the chat, or alternating turns), unless the
    /// platform `transcript` is given.
    public var requiresTranscriptEvidence: Bool
    /// Files that were not imported are summed up as a count by extension, never named.
    public var countsSkippedFiles: Bool
    /// Seconds of wall-clock time after which the import stops, keeping what it stored.
    public var timeLimit: TimeInterval?

    /// Creates a policy.
    public init(
        allowedFolders: [String]?, requiresTranscriptEvidence: Bool, countsSkippedFiles: Bool, timeLimit: TimeInterval?
    ) {
        self.allowedFolders = allowedFolders
        self.requiresTranscriptEvidence = requiresTranscriptEvidence
        self.countsSkippedFiles = countsSkippedFiles
        self.timeLimit = timeLimit
    }

    /// For a person who typed the path: anywhere, every file named, no time limit.
    public static let unrestricted = ImportPolicy(
        allowedFolders: nil, requiresTranscriptEvidence: false, countsSkippedFiles: false, timeLimit: nil)

    /// For a model's request: only inside `folders`, transcripts with evidence, skipped files
    /// counted, at most `timeLimit` seconds.
    public static func restricted(to folders: [String], timeLimit: TimeInterval = defaultTimeLimit) -> ImportPolicy {
        ImportPolicy(
            allowedFolders: folders, requiresTranscriptEvidence: true, countsSkippedFiles: true, timeLimit: timeLimit)
    }

    /// Ten minutes: a 16 GB export (the largest file Recall reads) imports in about that long.
    public static let defaultTimeLimit: TimeInterval = 600
}
