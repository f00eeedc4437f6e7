import Foundation

/// The private folder uploads are written to before import: mode 0700, made at start,
/// removed at shutdown, each upload in a file only the server can read.
struct UploadFolder: Sendable {
    let path: String
    private let owned: Bool

    /// Uses `path`, or makes a fresh private folder in the system's temporary folder.
    init(_ path: String?) throws {
        if let path {
            self.path = path
            owned = false
        } else {
            self.path = NSTemporaryDirectory() + "recall-uploads-" + UUID().uuidString.lowercased()
            owned = true
        }
        try FileManager.default.createDirectory(
            atPath: self.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// A new file path for one upload (the file is not created).
    func newFile(suffix: String) -> String {
        path + "/" + UUID().uuidString.lowercased() + suffix
    }

    /// Removes the folder if the server made it.
    func remove() {
        if owned { try? FileManager.default.removeItem(atPath: path) }
    }
}
