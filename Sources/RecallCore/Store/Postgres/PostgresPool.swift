import Dispatch
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// Up to `settings.poolSize` PostgreSQL connections for a synchronous store: each call borrows one,
/// runs on the calling thread and blocks on postgres-nio's futures with `.wait()`.
///
/// ```swift
/// let pool = try PostgresPool(settings: PostgresSettings(url: url))
/// let count = try pool.withConnection { try $0.run("SELECT count(*) FROM memories").first?.decode(Int.self) }
/// ```
///
/// - Connections open lazily: `init` checks the settings and builds the TLS context, but does not
///   connect; the first call does, so the first error about the server comes from it.
/// - A caller waits (up to `waitLimit`) while every connection is lent out. A body must not borrow
///   a second connection from the same pool while holding one: with every connection held that way
///   the pool has nothing left to lend.
/// - A connection found closed (server restarted, `pg_terminate_backend`) is dropped and a new one
///   made. If it dies under a body before any of the body's statements ran, the body runs again on a
///   new connection; `transaction` also retries bodies that lost their connection before `COMMIT`.
/// - Callers must never be SwiftNIO event-loop threads: `.wait()` there would deadlock.
final class PostgresPool: Sendable {
    /// Where to connect; the password in it is never printed.
    let settings: PostgresSettings
    private let configuration: PostgresConnection.Configuration
    /// One permit per connection that may be lent out.
    private let permits: DispatchSemaphore
    private let state: Mutex<State>
    private let waitLimit: Duration

    private struct State {
        var idle: [PostgresConnection] = []
        var closed = false
        var nextID = 1
    }

    /// Connections lent out on which no statement has completed yet: a body that failed on such a
    /// connection for a reason that proves the server never ran the statement changed nothing, so it
    /// may run again.
    static let untouched = Mutex<Set<ObjectIdentifier>>([])

    /// A logger that drops everything: nothing from the database reaches stdout or stderr.
    static let silentLogger = Logger(label: "recall.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Checks the settings and prepares TLS; does not connect.
    init(settings: PostgresSettings, waitLimit: Duration = .seconds(60)) throws {
        self.settings = settings
        self.waitLimit = waitLimit
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = try Self.tls(for: settings)
        } catch let failure as PostgresFailure {
            throw failure.recallError(settings)
        } catch {
            throw PostgresFailure(kind: .tls, detail: PostgresFailure.describe(error)).recallError(settings)
        }
        var configuration = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.user, password: settings.password,
            database: settings.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
        self.permits = DispatchSemaphore(value: settings.poolSize)
        self.state = Mutex(State())
    }

    deinit { close() }

    /// libpq's sslmode in NIOSSL terms: `prefer` and `require` encrypt without checking the
    /// certificate (as libpq does); `verify-ca` checks it against the trusted roots (`sslrootcert`,
    /// else the system's) and `verify-full` the host name as well.
    private static func tls(for settings: PostgresSettings) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch settings.sslMode {
        case .disable: return .disable
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        if settings.sslMode.verifies, let path = settings.sslRootCert {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw PostgresFailure(kind: .tls, detail: "the root certificate file \(path) cannot be read")
            }
            configuration.trustRoots = .file(path)
        }
        let context = try NIOSSLContext(configuration: configuration)
        return settings.sslMode == .prefer ? .prefer(context) : .require(context)
    }

    /// Lends a connection to `body` and takes it back; errors leave as `RecallError`s.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        do {
            return try borrow(body)
        } catch let failure as PostgresFailure {
            throw failure.recallError(settings)
        }
    }

    /// Closes every idle connection and refuses new calls; connections lent out close when returned.
    func close() {
        let idle = state.withLock { state in
            state.closed = true
            defer { state.idle = [] }
            return state.idle
        }
        for connection in idle { Self.discard(connection) }
    }

    /// Runs `body` on a connection, once more on a new connection when the first died before any
    /// statement of the body ran; PostgresFailure errors are left for the caller to convert.
    func borrow<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        var (connection, reused) = try checkout()
        while true {
            Self.untouched.withLock { _ = $0.insert(ObjectIdentifier(connection)) }
            do {
                let value: T
                do {
                    value = try body(connection)
                } catch let error as PSQLError {
                    // A body that called postgres-nio directly rather than through `run`.
                    throw PostgresFailure(error)
                }
                checkin(connection)
                return value
            } catch let failure as PostgresFailure where failure.kind == .connectionLost {
                let unchanged = Self.untouched.withLock { $0.remove(ObjectIdentifier(connection)) != nil }
                Self.discard(connection)
                guard reused, unchanged, failure.notExecuted else {
                    permits.signal()
                    throw failure
                }
                do {
                    connection = try connect()
                } catch {
                    permits.signal()
                    throw error
                }
                reused = false
            } catch {
                checkin(connection)
                throw error
            }
        }
    }

    /// Takes a permit, then an idle open connection or a new one; the permit stays taken until
    /// `checkin` or `discard`.
    private func checkout() throws -> (PostgresConnection, reused: Bool) {
        let deadline = DispatchTime.now() + .nanoseconds(Int(waitLimit.components.seconds * 1_000_000_000))
        guard permits.wait(timeout: deadline) == .success else {
            throw RecallError(
                .storeUnavailable,
                "All \(settings.poolSize) connections to PostgreSQL at \(settings.endpoint) stayed busy for "
                    + "\(waitLimit.components.seconds) s. Raise pool=N in the URL, or look for long-running calls.")
        }
        while true {
            let next = state.withLock { state -> PostgresConnection?? in
                state.closed ? .some(nil) : .some(state.idle.popLast())
            }
            guard let candidate = next else {
                permits.signal()
                throw RecallError(.storeUnavailable, "The PostgreSQL store at \(settings.endpoint) was closed.")
            }
            guard let connection = candidate else { break }
            if !connection.isClosed { return (connection, true) }
            Self.discard(connection)
        }
        do {
            return (try connect(), false)
        } catch {
            permits.signal()
            throw error
        }
    }

    /// Returns a connection to the idle list (or closes it when it died or the pool closed) and
    /// releases its permit.
    private func checkin(_ connection: PostgresConnection) {
        Self.untouched.withLock { _ = $0.remove(ObjectIdentifier(connection)) }
        let kept =
            !connection.isClosed
            && state.withLock { state in
                guard !state.closed else { return false }
                state.idle.append(connection)
                return true
            }
        if !kept { Self.discard(connection) }
        permits.signal()
    }

    /// Closes a connection and waits for it: postgres-nio asserts that a connection is closed
    /// before it is freed.
    private static func discard(_ connection: PostgresConnection) {
        untouched.withLock { _ = $0.remove(ObjectIdentifier(connection)) }
        if !connection.isClosed { _ = try? connection.close().wait() }
    }

    /// Opens a connection, trying three times with a short pause when the server cannot be
    /// reached or is starting; a refused login or a missing database fails at once.
    private func connect() throws -> PostgresConnection {
        var attempt = 1
        while true {
            let id = state.withLock { state in
                defer { state.nextID += 1 }
                return state.nextID
            }
            do {
                return try PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id,
                    logger: Self.silentLogger
                ).wait()
            } catch {
                let failure = PostgresFailure(error)
                guard attempt < 3, failure.kind == .unreachable || failure.kind == .connectionLost else {
                    throw failure
                }
                Thread.sleep(forTimeInterval: 0.1 * Double(attempt * attempt))
                attempt += 1
            }
        }
    }
}
