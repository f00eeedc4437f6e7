import Foundation

/// The pieces of a `postgres://` URL, percent-decoded, before defaults are applied.
///
/// Parsed by hand rather than with `URLComponents`: libpq's URLs allow a bare `[::1]` host and an
/// empty user or password, and every error here must say which part is wrong without echoing the
/// password back.
struct PostgresURL {
    var user: String?
    var password: String?
    var host: String
    var port: Int?
    var database: String?
    /// Query parameters in their order; a later one wins.
    var options: [(key: String, value: String)]

    init(_ url: String) throws {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        guard let scheme = ["postgres://", "postgresql://"].first(where: { lower.hasPrefix($0) }) else {
            throw PostgresSettings.invalid("must start with postgres:// or postgresql://")
        }
        var rest = Substring(trimmed.dropFirst(scheme.count))
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path: Substring = ""
        // libpq's rule: the user part ends at an `@` met before any `/`; an `@` or `/` inside a
        // password must be percent-encoded.
        let at = rest.firstIndex(where: { $0 == "@" || $0 == "/" }).flatMap { rest[$0] == "@" ? $0 : nil }
        let hostStart = at.map { rest.index(after: $0) } ?? rest.startIndex
        if let slash = rest[hostStart...].firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var hostPort = rest[hostStart...]
        user = nil
        password = nil
        if let at {
            let userInfo = rest[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try Self.decode(userInfo[..<colon], "user name")
                password = try Self.decode(userInfo[userInfo.index(after: colon)...], "password")
            } else {
                user = try Self.decode(userInfo, "user name")
            }
            if user?.isEmpty == true { user = nil }
        }
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else {
                throw PostgresSettings.invalid("has an IPv6 host with no closing bracket; write it as [::1]")
            }
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    throw PostgresSettings.invalid("has text after the IPv6 host's bracket; write [::1]:5432")
                }
                portText = after.dropFirst()
            }
            hostPort = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
        } else if let colon = hostPort.firstIndex(of: ":") {
            portText = hostPort[hostPort.index(after: colon)...]
            hostPort = hostPort[..<colon]
            if portText?.contains(":") == true {
                throw PostgresSettings.invalid("has a host with colons; put an IPv6 address in brackets: [::1]")
            }
        }
        host = try Self.decode(hostPort, "host")
        guard !host.isEmpty else {
            throw PostgresSettings.invalid(
                "names no host (Unix sockets are not supported); add one: postgres://USER@HOST/DB")
        }
        guard !host.contains(",") else {
            throw PostgresSettings.invalid("names several hosts; Recall connects to one: postgres://USER@HOST/DB")
        }
        if let portText {
            guard let port = Int(portText), (1...65_535).contains(port) else {
                throw PostgresSettings.invalid("has the port `\(portText)`; use a number from 1 to 65535")
            }
            self.port = port
        }
        let database = try Self.decode(path, "database name")
        self.database = database.isEmpty ? nil : database
        options = []
        for pair in query.split(separator: "&") where !pair.isEmpty {
            guard let equals = pair.firstIndex(of: "=") else {
                throw PostgresSettings.invalid("has the parameter `\(pair)` with no value; write NAME=VALUE")
            }
            options.append(
                (
                    try Self.decode(pair[..<equals], "parameter"),
                    try Self.decode(pair[pair.index(after: equals)...], "parameter")
                ))
        }
    }

    private static func decode(_ text: Substring, _ part: String) throws -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw PostgresSettings.invalid("has a bad percent escape in its \(part); encode % as %25")
        }
        return decoded
    }
}
