import Foundation
import RecallCore

/// Where an export goes: stdout, or a new file only its owner can read.
enum ExportFile {
    /// Opens the destination; `nil` or `-` means stdout.
    static func open(_ path: String?) throws -> FileHandle {
        guard let path, path != "-" else { return FileHandle.standardOutput }
        let fullPath = StoreLocation.expand(path)
        // An export holds private chats: create it 0600, like the store itself.
        guard FileManager.default.createFile(atPath: fullPath, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: fullPath)
        else {
            throw RecallError(.unreadableFile, "Cannot create \(path). Check that its folder exists and is writable.")
        }
        return handle
    }
}
