public import Foundation

/// The folders a server lets `import_chats` read besides the client's roots: those named with
/// `--allow-import` and in `RECALL_IMPORT_DIRS`, or else the user's Downloads folder, where
/// exports land.
public enum ImportFolders {
    /// The environment variable listing folders, separated like `PATH`.
    public static let environmentKey = "RECALL_IMPORT_DIRS"

    /// The folders named on the command line and in `RECALL_IMPORT_DIRS`, expanded; the
    /// Downloads folder when neither names any.
    public static func configured(flags: [String], environment: [String: String] = ProcessInfo.processInfo.environment)
        -> [String]
    {
        var named = flags.filter(isGiven)
        if let list = environment[environmentKey] {
            named += list.split(separator: pathListSeparator).map(String.init).filter(isGiven)
        }
        guard !named.isEmpty else { return [downloads(environment: environment)] }
        var seen = Set<String>()
        return named.map { StoreLocation.expand($0, environment: environment) }.filter { seen.insert($0).inserted }
    }

    /// The user's Downloads folder: `XDG_DOWNLOAD_DIR` (directly or from `user-dirs.dirs`) on
    /// Linux, else `~/Downloads`.
    public static func downloads(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        #if os(Linux)
        if let folder = environment["XDG_DOWNLOAD_DIR"], folder.hasPrefix("/") { return folder }
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
        if let text = try? String(contentsOfFile: configHome + "/user-dirs.dirs", encoding: .utf8),
            let folder = xdgDownloadFolder(in: text, home: home)
        {
            return folder
        }
        #endif
        return (home as NSString).appendingPathComponent("Downloads")
    }

    /// `XDG_DOWNLOAD_DIR="$HOME/Downloads"` as written by `xdg-user-dirs-update`.
    static func xdgDownloadFolder(in text: String, home: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("XDG_DOWNLOAD_DIR=") else { continue }
            var value = String(trimmed.dropFirst("XDG_DOWNLOAD_DIR=".count)).trimmingCharacters(
                in: CharacterSet(charactersIn: "\""))
            if value.hasPrefix("$HOME") { value = home + value.dropFirst("$HOME".count) }
            return value.hasPrefix("/") && value != home && value != home + "/" ? value : nil
        }
        return nil
    }

    /// `:` as in `PATH`; `;` on Windows.
    private static var pathListSeparator: Character {
        #if os(Windows)
        ";"
        #else
        ":"
        #endif
    }

    /// False for blanks and an unexpanded `${…}` placeholder, which hosts pass for an empty setting.
    private static func isGiven(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && !trimmed.hasPrefix("${")
    }
}
