import Foundation

/// Decides, from names alone, which files inside a ZIP or folder are worth opening.
///
/// Content decides what a file *is* (see `ExportMemberReader`); names only keep Recall from
/// sniffing images and from warning about the side files every export ships with.
enum MemberSelection {
    /// What to do with a member.
    enum Role: Equatable { case conversations, archive, ignored }

    /// Side files of ChatGPT and Claude exports: known, never conversations, never worth a warning.
    /// (`projects.json` will matter when Claude projects are imported.)
    static let companionFiles: Set<String> = [
        "user.json", "users.json", "projects.json", "memories.json", "message_feedback.json",
        "shared_conversations.json", "model_comparisons.json", "export_manifest.json",
        "user_settings.json", "group_chats.json", "shopping.json", "sora.json",
    ]

    /// The role of the member at `path` (relative, `/`-separated).
    static func role(of path: String) -> Role {
        let components = path.split(separator: "/")
        guard let name = components.last.map(String.init),
              !components.contains(where: { $0.hasPrefix(".") || $0 == "__MACOSX" })
        else { return .ignored }
        let lowered = name.lowercased()
        if lowered.hasSuffix(".zip") { return .archive }
        guard lowered.hasSuffix(".json"), !companionFiles.contains(lowered) else { return .ignored }
        return .conversations
    }

    /// A hint for a file the user named directly that is a known side file.
    static func companionHint(for name: String) -> String? {
        let base = (name as NSString).lastPathComponent.lowercased()
        guard companionFiles.contains(base) else { return nil }
        return "\(base) is a side file of an export; give the export's conversations.json, its ZIP, or its folder"
    }
}
