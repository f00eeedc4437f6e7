import Foundation

/// How `recall serve --http` listens and what it allows.
public struct HTTPSettings: Sendable {
    /// The address to bind; loopback unless the user chooses otherwise.
    public var host: String
    /// The port; 0 picks a free one (tests).
    public var port: Int
    /// Requests a key may make per minute, unless the key sets its own.
    public var perMinute: Int
    /// Requests a key may make per calendar month (UTC), unless the key sets its own.
    public var perMonth: Int
    /// The largest upload accepted, in bytes; a larger body gets 413 and is never kept.
    public var maxUploadBytes: Int
    /// The largest JSON body accepted on other routes, in bytes.
    public var maxJSONBytes: Int
    /// Browser origins allowed besides loopback ones (`Origin` header), such as `https://claude.ai`.
    public var allowedOrigins: [String]
    /// Folders MCP `import_chats` may read over HTTP; empty refuses every path (uploads are the way in).
    public var importFolders: [String]
    /// Where uploads are written before import; a private folder made at start when nil.
    public var uploadFolder: String?

    /// The defaults: 127.0.0.1:8765, 120 requests a minute, 100,000 a month, 100 MiB uploads.
    public init(
        host: String = "127.0.0.1", port: Int = 8765, perMinute: Int = 120, perMonth: Int = 100_000,
        maxUploadBytes: Int = 100 << 20, maxJSONBytes: Int = 4 << 20, allowedOrigins: [String] = [],
        importFolders: [String] = [], uploadFolder: String? = nil
    ) {
        self.host = host
        self.port = port
        self.perMinute = perMinute
        self.perMonth = perMonth
        self.maxUploadBytes = maxUploadBytes
        self.maxJSONBytes = maxJSONBytes
        self.allowedOrigins = allowedOrigins
        self.importFolders = importFolders
        self.uploadFolder = uploadFolder
    }

    /// Reads `[HOST:]PORT` (`8765`, `0.0.0.0:8765`, `[::1]:8765`) into host and port.
    public mutating func setAddress(_ text: String) throws {
        var host = self.host
        var portText = text
        if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            portText = String(text[text.index(after: colon)...])
        }
        guard let port = Int(portText), (0...65535).contains(port), !host.isEmpty else {
            throw HTTPSettingsError("Invalid address \(text): give PORT or HOST:PORT, e.g. 8765 or 127.0.0.1:8765.")
        }
        self.host = host
        self.port = port
    }
}

/// A setting that cannot be used, with what to give instead.
public struct HTTPSettingsError: Error, CustomStringConvertible {
    /// What was wrong and what to do.
    public let description: String
    init(_ description: String) { self.description = description }
}
