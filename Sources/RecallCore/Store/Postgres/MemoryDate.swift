import Foundation
import NIOCore
import PostgresNIO

/// A memory's date as the memories table keeps it: whole milliseconds, rounded down.
///
/// The SQLite store's text form keeps the same, so both stores read back the same `Memory`.
/// Encoded as the exact microsecond count (postgres-nio's `Date` truncates a product of doubles,
/// which can land one microsecond short).
struct MemoryDate: PostgresNonThrowingEncodable {
    /// Bound as a timestamptz.
    static var psqlType: PostgresDataType { .timestamptz }
    /// In PostgreSQL's binary form.
    static var psqlFormat: PostgresFormat { .binary }

    /// Milliseconds since 1970, rounded down.
    let milliseconds: Int64

    /// The stored form of `date`.
    init(_ date: Date) {
        milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// Microseconds since 2000-01-01, PostgreSQL's timestamp epoch.
    func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger((milliseconds - 946_684_800_000) * 1000)
    }
}
