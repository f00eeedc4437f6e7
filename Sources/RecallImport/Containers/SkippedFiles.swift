import Foundation

/// Files an import passed over, as counts by extension: what a model is told instead of their
/// names, which could reveal what else lies in a folder.
struct SkippedFiles: Equatable {
    /// Files by lower-cased extension; "" for none.
    private(set) var byExtension: [String: Int] = [:]
    /// Folders that could not be listed.
    private(set) var folders = 0

    /// True when nothing was passed over.
    var isEmpty: Bool { byExtension.isEmpty && folders == 0 }

    /// The number of files passed over.
    var fileCount: Int { byExtension.values.reduce(0, +) }

    /// Counts a file by the extension of its name (a path or `archive.zip/member`).
    mutating func add(file name: String) {
        byExtension[(name as NSString).pathExtension.lowercased(), default: 0] += 1
    }

    /// Counts a folder that could not be listed.
    mutating func addFolder() { folders += 1 }

    /// "7 files (3 .txt, 2 .json, 1 .md, 1 without an extension)", most common first.
    var description: String {
        var parts: [String] = []
        if fileCount > 0 {
            let kinds = byExtension.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { $0.key.isEmpty ? "\($0.value) without an extension" : "\($0.value) .\($0.key)" }
            parts.append("\(fileCount) file\(fileCount == 1 ? "" : "s") (\(kinds.joined(separator: ", ")))")
        }
        if folders > 0 { parts.append("\(folders) folder\(folders == 1 ? "" : "s") that could not be listed") }
        return parts.joined(separator: " and ")
    }
}
