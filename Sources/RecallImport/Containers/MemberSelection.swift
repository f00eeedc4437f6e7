import Foundation

/// Decides, from names alone, which files inside a ZIP or folder are worth opening.
///
/// Content decides what a file *is* (see `ExportMemberReader`); names only keep Recall from
/// sniffing images and from warning about the side files every export ships with.
enum MemberSelection {
    /// What to do with a member.
    enum Role: Equatable {
        /// A JSON file: read it, and say so when it is not an export.
        case conversations
        /// An HTML, Markdown or text file: read it whole, and say so when it is not an export.
        case document
        /// A JSON file that is often an empty list (Claude's `projects.json`): read it, but say
        /// nothing when it is empty.
        case optional
        /// A file without an extension: read it if it is JSON (AI Studio saves prompts that way),
        /// and pass it over silently when it is not an export (images, licences, binaries).
        case probe
        /// A ZIP archive inside a folder.
        case archive
        /// Not worth opening.
        case ignored
    }

    /// Side files of ChatGPT, Claude and Google Takeout exports: known, never conversations, never
    /// worth a warning.
    ///
    /// `chat.html` repeats `conversations.json` as a web page.
    static let companionFiles: Set<String> = [
        "user.json", "users.json", "memories.json", "message_feedback.json",
        "shared_conversations.json", "model_comparisons.json", "export_manifest.json",
        "user_settings.json", "group_chats.json", "shopping.json", "sora.json",
        "chat.html", "archive_browser.html",
    ]

    /// Files that are read but may well be empty.
    static let optionalFiles: Set<String> = ["projects.json"]

    /// Extensions of text documents: Gemini's `MyActivity.html`, transcripts.
    static let documentExtensions: Set<String> = ["html", "htm", "md", "markdown", "txt"]

    /// The role of the member at `path` (relative, `/`-separated).
    static func role(of path: String) -> Role {
        let components = path.split(separator: "/")
        guard let name = components.last.map(String.init),
            !components.contains(where: { $0.hasPrefix(".") || $0 == "__MACOSX" })
        else { return .ignored }
        let lowered = name.lowercased()
        if companionFiles.contains(lowered) { return .ignored }
        if optionalFiles.contains(lowered) { return .optional }
        let pathExtension = (lowered as NSString).pathExtension
        switch pathExtension {
        case "zip": return .archive
        case "json": return .conversations
        case "": return .probe
        default: return documentExtensions.contains(pathExtension) ? .document : .ignored
        }
    }

    /// Whether a member in this role may be a text document; others must be JSON.
    static func acceptsText(_ role: Role) -> Bool { role == .document }

    /// A hint for a file the user named directly that is a known side file.
    static func companionHint(for name: String) -> String? {
        let base = (name as NSString).lastPathComponent.lowercased()
        guard companionFiles.contains(base) else { return nil }
        return "\(base) is a side file of an export; give the export's conversations.json, its ZIP, or its folder"
    }
}
