import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A PostgreSQL error sorted into what the pool and the store need to know: whether the
/// connection is gone, whether a retry on a new connection is safe, and the SQLSTATE.
///
/// `PSQLError`'s `description` is deliberately generic and its debug description carries the query
/// and its binds; neither is shown. The text here is built from the SQLSTATE, the server's message
/// (dropped for class 22, whose messages quote values) and the connection's host and port.
struct PostgresFailure: Error, Sendable, CustomStringConvertible {
    /// What went wrong, at the level the pool acts on.
    enum Kind: Sendable, Equatable {
        /// The server rejected a statement; the connection is still good.
        case statement
        /// The connection closed under the call (server restart, `pg_terminate_backend`).
        case connectionLost
        /// No connection could be made to the host and port.
        case unreachable
        /// The server refused the login (SQLSTATE class 28, or no password to offer).
        case login
        /// The database named in the URL does not exist (SQLSTATE 3D000).
        case missingDatabase
        /// TLS could not be set up as `sslmode` asks.
        case tls
        /// Anything else.
        case other
    }

    /// The category.
    var kind: Kind
    /// The server's SQLSTATE, when the server reported the error.
    var sqlState: String?
    /// What happened, without host, password or bound values.
    var detail: String
    /// True when the server provably never ran the statement, so running it again on a new
    /// connection cannot apply it twice.
    var notExecuted: Bool
    /// True when the connection went during `COMMIT`: the outcome is unknown, so no retry.
    var atCommit = false

    /// SQLSTATEs a transaction retries: serialization_failure and deadlock_detected.
    static let retryableStates: Set<String> = ["40001", "40P01"]
    /// SQLSTATEs of a server that is ending or refusing sessions: the statement did not run.
    private static let shutdownStates: Set<String> = ["57P01", "57P02", "57P03"]

    init(kind: Kind, sqlState: String? = nil, detail: String, notExecuted: Bool = false) {
        self.kind = kind
        self.sqlState = sqlState
        self.detail = detail
        self.notExecuted = notExecuted
    }

    /// Sorts any error thrown by postgres-nio or SwiftNIO.
    init(_ error: any Error) {
        if let failure = error as? PostgresFailure {
            self = failure
        } else if let error = error as? PSQLError {
            self = Self.sort(error)
        } else if Self.isTLS(error) {
            self.init(kind: .tls, detail: Self.describe(error))
        } else {
            self.init(kind: .unreachable, detail: Self.describe(error))
        }
    }

    private static func sort(_ error: PSQLError) -> PostgresFailure {
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? "XX000"
            let message = error.serverInfo?[.message] ?? "no message"
            if state.hasPrefix("28") {
                return PostgresFailure(kind: .login, sqlState: state, detail: message)
            }
            if state == "3D000" {
                return PostgresFailure(kind: .missingDatabase, sqlState: state, detail: message)
            }
            if state.hasPrefix("08") || shutdownStates.contains(state) {
                return PostgresFailure(
                    kind: .connectionLost, sqlState: state, detail: "\(message) (SQLSTATE \(state))",
                    notExecuted: shutdownStates.contains(state))
            }
            return PostgresFailure(kind: .statement, sqlState: state, detail: statementDetail(error, state, message))
        case .clientClosedConnection, .poolClosed:
            return PostgresFailure(
                kind: .connectionLost, detail: "the connection was already closed", notExecuted: true)
        case .serverClosedConnection, .uncleanShutdown:
            return PostgresFailure(kind: .connectionLost, detail: "the server closed the connection")
        case .connectionError:
            if let underlying = error.underlying, isTLS(underlying) {
                return PostgresFailure(kind: .tls, detail: describe(underlying))
            }
            return PostgresFailure(kind: .unreachable, detail: error.underlying.map(describe) ?? "connection failed")
        case .sslUnsupported:
            return PostgresFailure(kind: .tls, detail: "the server does not offer TLS")
        case .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
            return PostgresFailure(kind: .tls, detail: error.underlying.map(describe) ?? "\(error.code)")
        case .authMechanismRequiresPassword:
            return PostgresFailure(kind: .login, detail: "the server asks for a password and none was found")
        case .unsupportedAuthMechanism:
            return PostgresFailure(kind: .login, detail: "the server asks for a login method postgres-nio lacks")
        case .saslError:
            return PostgresFailure(kind: .login, detail: "the SCRAM login did not complete")
        default:
            return PostgresFailure(kind: .other, detail: "postgres-nio error \(error.code)")
        }
    }

    /// The server's message, position and object names; class 22 (data exceptions) loses the
    /// message because it quotes the offending value.
    private static func statementDetail(_ error: PSQLError, _ state: String, _ message: String) -> String {
        var text = state.hasPrefix("22") ? "a value was rejected" : message
        var facts = ["SQLSTATE \(state)"]
        if let position = error.serverInfo?[.position] { facts.append("at character \(position)") }
        for (field, name) in [(PSQLError.ServerInfo.Field.tableName, "table"), (.columnName, "column")] {
            if let value = error.serverInfo?[field] { facts.append("\(name) \(value)") }
        }
        if let constraint = error.serverInfo?[.constraintName] { facts.append("constraint \(constraint)") }
        if let hint = error.serverInfo?[.hint], !state.hasPrefix("22") { text += ". Hint: \(hint)" }
        return "\(text) (\(facts.joined(separator: ", ")))"
    }

    /// A short phrase for a SwiftNIO or TLS error; none of them carries a password or a value.
    static func describe(_ error: any Error) -> String {
        if let error = error as? IOError {
            return String(cString: strerror(error.errnoCode)).lowercased()
        }
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                return "the host name did not resolve"
            }
            return error.connectionErrors.first.map { describe($0.error) } ?? "connection failed"
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return "no answer within the connect timeout"
        }
        if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
            return "the server's certificate does not name the host in the URL"
        }
        if let error = error as? NIOSSLError {
            if "\(error)".contains("CERTIFICATE_VERIFY_FAILED") {
                return "the server's certificate is not signed by an authority trusted here"
            }
            return "TLS failed: \(error)"
        }
        return "\(error)"
    }

    /// Whether the error comes from the TLS layer rather than the network or the server.
    static func isTLS(_ error: any Error) -> Bool {
        error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError
    }

    /// The RecallError to show: what happened, where (host and port, never the password), and what
    /// to do.
    func recallError(_ settings: PostgresSettings) -> RecallError {
        let at = "PostgreSQL at \(settings.endpoint)"
        switch kind {
        case .statement:
            return RecallError(statementCode, "\(at) rejected a statement: \(detail).")
        case .connectionLost:
            return RecallError(
                .storeUnavailable,
                "The connection to \(at) was lost: \(detail). The next call opens a new one; retry, "
                    + "and check the server if this keeps happening.")
        case .unreachable:
            return RecallError(
                .storeUnavailable,
                "Cannot reach \(at): \(detail). Check that the server is running and listening there, "
                    + "and the host and port in the URL.")
        case .login:
            let state = sqlState.map { " (SQLSTATE \($0))" } ?? ""
            let notes = settings.notes.isEmpty ? "" : " " + settings.notes.joined(separator: " ")
            return RecallError(
                .storeUnavailable,
                "\(at) refused the credentials of user `\(settings.user)` for database `\(settings.database)`: "
                    + "\(detail)\(state). Check the user and password (in the URL, PGPASSWORD or the password "
                    + "file) and the server's pg_hba.conf.\(notes)")
        case .missingDatabase:
            return RecallError(
                .storeUnavailable,
                "\(at) has no database `\(settings.database)` (SQLSTATE 3D000). Create it "
                    + "(createdb \(settings.database)) or name another database in the URL.")
        case .tls where settings.sslMode.verifies:
            let roots = settings.sslRootCert.map { "the authorities in \($0)" } ?? "the system's authorities"
            return RecallError(
                .storeUnavailable,
                "TLS with \(at) failed under sslmode=\(settings.sslMode.rawValue), which trusts \(roots): \(detail). "
                    + "Name the server's certificate authority with sslrootcert=PATH in the URL (or PGSSLROOTCERT), "
                    + "connect by a host name the certificate names, or use sslmode=require to encrypt without "
                    + "checking.")
        case .tls:
            return RecallError(
                .storeUnavailable,
                "TLS with \(at) failed under sslmode=\(settings.sslMode.rawValue): \(detail). Turn on ssl on "
                    + "the server, or choose another sslmode in the URL.")
        case .other:
            return RecallError(.storeUnavailable, "\(at) failed: \(detail).")
        }
    }

    /// Unique and foreign-key violations and exhausted retries conflict with what is stored; the
    /// rest of the statement errors are bugs in Recall's SQL.
    private var statementCode: RecallError.Code {
        guard let sqlState else { return .internalError }
        if sqlState.hasPrefix("23") || Self.retryableStates.contains(sqlState) { return .conflict }
        if sqlState == "57014" { return .cancelled }
        if sqlState.hasPrefix("53") { return .storeUnavailable }
        return .internalError
    }

    /// The kind and detail, for tests and debugging; never a password or a bound value.
    var description: String { "\(kind): \(detail)" }
}
