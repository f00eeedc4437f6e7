import Foundation

/// Runs blocking store work off the server's event loops.
///
/// SQLite calls block their thread; on a NIO event loop that would stall every connection the
/// loop serves, so each call runs on a global-queue thread and resumes the request after.
enum CoreWork {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
