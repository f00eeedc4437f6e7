public import Foundation

/// Where the store lives: a SQLite file (the default), memory, or a PostgreSQL database.
public enum StoreLocation: Sendable, Equatable {
    /// A SQLite file on disk.
    case file(String)
    /// A private in-memory SQLite store that vanishes with the process.
    case inMemory
    /// A PostgreSQL database, as a `postgres://` or `postgresql://` URL (read by `PostgresSettings`
    /// when the store opens, with `PGPASSWORD` and the pgpass file).
    case postgres(String)

    /// The default location: `RECALL_DB` when set (a path or a PostgreSQL URL), else the platform's data folder
    /// (`$XDG_DATA_HOME/recall/recall.sqlite` or `~/.local/share/recall/recall.sqlite` on Linux,
    /// `~/Library/Application Support/Recall/recall.sqlite` on macOS, `%APPDATA%\Recall\recall.sqlite` on Windows).
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> StoreLocation
    {
        if let explicit, isGiven(explicit) { return given(explicit, environment: environment) }
        if let fromEnv = environment["RECALL_DB"], isGiven(fromEnv) { return given(fromEnv, environment: environment) }
        return .file(defaultPath(environment: environment))
    }

    /// A typed location: a PostgreSQL URL as it is, a path expanded.
    private static func given(_ value: String, environment: [String: String]) -> StoreLocation {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if isPostgresURL(trimmed) { return .postgres(trimmed) }
        return .file(expand(value, environment: environment))
    }

    /// Whether a location names a PostgreSQL server rather than a file.
    public static func isPostgresURL(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// False for blanks and for an unexpanded `${…}` placeholder, which some hosts pass when an
    /// optional setting is left empty.
    private static func isGiven(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && !trimmed.hasPrefix("${")
    }

    /// The platform's default store path.
    public static func defaultPath(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        #if os(macOS)
        return home + "/Library/Application Support/Recall/recall.sqlite"
        #elseif os(Windows)
        let appData = environment["APPDATA"] ?? home
        return appData + "\\Recall\\recall.sqlite"
        #else
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/recall/recall.sqlite"
        }
        return home + "/.local/share/recall/recall.sqlite"
        #endif
    }

    /// Expands a leading `~` and makes a relative path absolute against the working directory.
    public static func expand(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        var result = path
        if result == "~" || result.hasPrefix("~/") {
            let home = environment["HOME"] ?? NSHomeDirectory()
            result = home + result.dropFirst()
        }
        if !result.hasPrefix("/") {
            result = FileManager.default.currentDirectoryPath + "/" + result
        }
        return URL(fileURLWithPath: result).standardizedFileURL.path
    }

    /// A description for stats and logs.
    public var displayPath: String {
        switch self {
        case .file(let path): path
        case .inMemory: ":memory:"
        // Never the password: the URL as PostgresSettings prints it.
        case .postgres(let url): (try? PostgresSettings(url: url, environment: [:]).redacted) ?? "postgres://…"
        }
    }
}
