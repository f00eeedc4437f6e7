import Foundation

/// Where and how to reach a PostgreSQL store, parsed from a libpq-style URL.
///
/// ```swift
/// let settings = try PostgresSettings(url: "postgres://recall@db.example:5432/recall?sslmode=require&pool=4")
/// print(settings.redacted)  // postgres://recall@db.example:5432/recall?sslmode=require&pool=4
/// ```
///
/// The password comes from the URL, else `PGPASSWORD`, else the password file (`PGPASSFILE` or
/// `~/.pgpass`), as libpq looks for it. It is never part of `description`, `redacted` or a mirror.
public struct PostgresSettings: Sendable, Equatable {
    /// How the connection uses TLS; the names are libpq's `sslmode` values.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// Never TLS.
        case disable
        /// TLS when the server offers it, without checking its certificate; plain otherwise.
        case prefer
        /// TLS always, without checking the server's certificate.
        case require
        /// TLS always, with the certificate checked against the trusted roots, not the host name.
        case verifyCA = "verify-ca"
        /// TLS always, with the certificate checked against the trusted roots and the host name.
        case verifyFull = "verify-full"

        /// Whether the server's certificate is checked.
        public var verifies: Bool { self == .verifyCA || self == .verifyFull }
    }

    /// The default number of connections a pool may open.
    public static let defaultPoolSize = 8
    /// The most connections a pool may open.
    public static let maximumPoolSize = 64

    /// The server's host name or IP address (IPv6 without brackets).
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The role to log in as.
    public var user: String
    /// The database to open.
    public var database: String
    /// How the connection uses TLS.
    public var sslMode: SSLMode
    /// How many connections the pool may open at once.
    public var poolSize: Int
    /// The PEM file of certificate authorities a verifying `sslmode` trusts (`sslrootcert`, else
    /// `PGSSLROOTCERT`, else `~/.postgresql/root.crt` when it exists); nil trusts the system's roots.
    public var sslRootCert: String?
    /// Things worth knowing when the login fails, such as a password file that was ignored; never
    /// printed by RecallCore itself.
    public var notes: [String]
    /// The password, when one was found; internal so that nothing public can print it.
    var password: String?

    /// Parses the URL, taking defaults and the password from this process's environment.
    public init(url: String) throws {
        try self.init(url: url, environment: ProcessInfo.processInfo.environment)
    }

    /// Parses `postgres://user[:password]@host[:port]/database?sslmode=…&sslrootcert=…&pool=N` (or
    /// `postgresql://`), taking defaults and the password from `environment` (`PGUSER`, `USER`,
    /// `PGPASSWORD`, `PGPASSFILE`, `PGSSLROOTCERT`, `HOME`).
    public init(url: String, environment: [String: String]) throws {
        let parts = try PostgresURL(url)
        guard let user = parts.user ?? environment["PGUSER"] ?? environment["USER"], !user.isEmpty else {
            throw Self.invalid("names no user and neither PGUSER nor USER is set; add one: postgres://USER@HOST/DB")
        }
        self.host = parts.host
        self.port = parts.port ?? 5432
        self.user = user
        self.database = parts.database ?? user
        self.sslMode = .prefer
        self.poolSize = Self.defaultPoolSize
        self.notes = []
        for (key, value) in parts.options {
            switch key {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    let known = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw Self.invalid("has sslmode=\(value); use one of \(known)")
                }
                self.sslMode = mode
            case "pool":
                guard let size = Int(value), (1...Self.maximumPoolSize).contains(size) else {
                    throw Self.invalid("has pool=\(value); use a whole number from 1 to \(Self.maximumPoolSize)")
                }
                self.poolSize = size
            case "sslrootcert":
                guard !value.isEmpty else { throw Self.invalid("has an empty sslrootcert; name a PEM file") }
                self.sslRootCert = value
            default:
                throw Self.invalid(
                    "has the unknown parameter `\(key)`; only sslmode, sslrootcert and pool are understood")
            }
        }
        if sslRootCert == nil {
            self.sslRootCert = Self.defaultRootCert(environment)
        }
        if let password = parts.password {
            self.password = password
        } else if let password = environment["PGPASSWORD"] {
            self.password = password
        } else {
            let file = PostgresPassFile(environment: environment)
            let lookup = file.password(host: host, port: port, database: database, user: user)
            self.password = lookup.password
            self.notes += lookup.notes
        }
    }

    /// The URL without its password, for statistics and error messages.
    public var redacted: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let userPart = user.addingPercentEncoding(withAllowedCharacters: Self.safe) ?? user
        let databasePart = database.addingPercentEncoding(withAllowedCharacters: Self.safe) ?? database
        let rootPart = sslRootCert.map {
            "&sslrootcert=" + ($0.addingPercentEncoding(withAllowedCharacters: Self.safe) ?? $0)
        }
        return "postgres://\(userPart)@\(hostPart):\(port)/\(databasePart)?sslmode=\(sslMode.rawValue)"
            + "\(rootPart ?? "")&pool=\(poolSize)"
    }

    /// `host:port`, with IPv6 addresses in brackets, for messages about reaching the server.
    public var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Whether a password was found (in the URL, the environment or the password file).
    public var hasPassword: Bool { password != nil }

    /// libpq's places for the trusted roots when the URL names none: `PGSSLROOTCERT`, then
    /// `~/.postgresql/root.crt` if that file exists.
    private static func defaultRootCert(_ environment: [String: String]) -> String? {
        if let path = environment["PGSSLROOTCERT"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        let path = home + "/.postgresql/root.crt"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    private static let safe = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    static func invalid(_ problem: String) -> RecallError {
        RecallError.invalid("postgres", "The PostgreSQL URL \(problem).")
    }
}

extension PostgresSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The redacted URL.
    public var description: String { redacted }
    /// The redacted URL.
    public var debugDescription: String { redacted }
    /// Mirrors the redacted URL only, so `dump` and `String(reflecting:)` never show the password.
    public var customMirror: Mirror { Mirror(self, children: ["url": redacted]) }
}
