import Foundation

/// Ceilings that keep a hostile or broken export from exhausting memory or disk.
///
/// Defaults are far above real exports (the largest reported ChatGPT `conversations.json`
/// is a few hundred MB, its largest single conversation about 20 MB) and far below what a
/// ZIP bomb expands to.
public struct ImportLimits: Sendable, Equatable {
    /// The largest file read from disk (a JSON file or a ZIP).
    public var maxFileSize: Int
    /// The largest uncompressed size of one ZIP member.
    public var maxEntrySize: Int
    /// The most bytes all ZIP members of one read may expand to together.
    public var maxTotalUncompressed: Int
    /// The highest uncompressed-to-compressed ratio accepted for a ZIP member.
    public var maxCompressionRatio: Int
    /// Members smaller than this are not held to the ratio: tiny files compress oddly.
    public var ratioCheckThreshold: Int
    /// The largest single conversation; a bigger one is skipped with a diagnostic.
    public var maxConversationSize: Int
    /// The largest file read whole into memory: HTML, Markdown and text files, Gemini My Activity
    /// JSON (its records must be grouped) and AI Studio prompts.
    ///
    /// Far above real ones: a heavy
    /// Gemini user's `MyActivity.json` is tens of MB.
    public var maxDocumentSize: Int
    /// Bytes per read from a file or a ZIP member; bounds memory, not input.
    public var readChunkSize: Int

    /// Creates limits; every value is in bytes except the ratio.
    public init(
        maxFileSize: Int = 16 << 30, maxEntrySize: Int = 8 << 30, maxTotalUncompressed: Int = 32 << 30,
        maxCompressionRatio: Int = 100, ratioCheckThreshold: Int = 1 << 20,
        maxConversationSize: Int = 256 << 20, maxDocumentSize: Int = 512 << 20, readChunkSize: Int = 1 << 20
    ) {
        self.maxFileSize = maxFileSize
        self.maxEntrySize = maxEntrySize
        self.maxTotalUncompressed = maxTotalUncompressed
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckThreshold = ratioCheckThreshold
        self.maxConversationSize = maxConversationSize
        self.maxDocumentSize = maxDocumentSize
        self.readChunkSize = max(1, readChunkSize)
    }

    /// The limits every import uses unless a caller passes its own.
    public static let `default` = ImportLimits()
}

extension Int {
    /// A byte count as people read it (`12.3 MB`), for diagnostics.
    var byteDescription: String {
        let units = ["bytes", "KB", "MB", "GB", "TB"]
        var value = Double(self)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(self) bytes" : String(format: "%.1f", value) + " " + units[unit]
    }
}
