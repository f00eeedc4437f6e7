import Foundation
import PostgresNIO

/// The SQL conditions a search's filters add, and every value a statement binds, numbered as
/// they are bound: the PostgreSQL form of `SearchConditions`.
///
/// A statement is built around its conditions: bind its other values with `bind` (each returns
/// its `$n`), splice `sql` where the conditions go, and run `query(_:)`.
struct PostgresConditions {
    /// The conditions, each a SQL boolean over the statement's aliases.
    var clauses: [String] = []
    /// The values bound so far, `$1` first.
    private(set) var binds = PostgresBindings()
    private var count = 0

    /// Binds a value and returns its placeholder.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
        binds.append(value)
        count += 1
        return "$\(count)"
    }

    /// Binds a value or NULL and returns its placeholder.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        binds.append(value)
        count += 1
        return "$\(count)"
    }

    /// Adds a condition on one bound value: `clause` makes the SQL from its placeholder.
    mutating func add<Value: PostgresDynamicTypeEncodable>(_ value: Value, _ clause: (String) -> String) {
        clauses.append(clause(bind(value)))
    }

    /// Adds a condition that binds nothing.
    mutating func add(_ clause: String) { clauses.append(clause) }

    /// `a AND b AND …` (or `true` when there is nothing).
    var sql: String { clauses.isEmpty ? "true" : clauses.joined(separator: " AND ") }

    /// The statement `sql` with every value bound so far.
    func query(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }

    /// Visible active-branch messages (`m`) of the account's chats (`c`) that pass the filters.
    static func messages(_ filters: SearchFilters, account: String) throws -> PostgresConditions {
        var conditions = PostgresConditions()
        conditions.add(account) { "c.account = \($0)" }
        conditions.add("NOT m.hidden")
        conditions.add("m.position IS NOT NULL")
        if let platform = filters.platform { conditions.add(platform.rawValue) { "c.platform = \($0)" } }
        if let chatID = filters.chatID {
            conditions.add(try PublicID.chat.require(chatID, field: "chat_id")) { "m.chat_id = \($0)" }
        }
        if let bucket = filters.bucket { conditions.add(bucket) { "c.bucket = \($0)" } }
        for tag in filters.tags { conditions.add(tag) { "c.tags ? \($0)" } }
        if let from = filters.dateFrom { conditions.add(from) { "COALESCE(m.created_at, c.created_at) >= \($0)" } }
        if let to = filters.dateTo { conditions.add(to) { "COALESCE(m.created_at, c.created_at) <= \($0)" } }
        return conditions
    }

    /// Current memories (`mem`) of the account and namespace that pass the filters.
    static func memories(_ filters: SearchFilters, account: String) throws -> PostgresConditions {
        var conditions = PostgresConditions()
        conditions.add(account) { "mem.account = \($0)" }
        conditions.add("mem.superseded_by IS NULL")
        conditions.add(filters.userID ?? Memory.defaultUserID) { "mem.user_id = \($0)" }
        if let type = filters.memoryType { conditions.add(type.rawValue) { "mem.type = \($0)" } }
        if let bucket = filters.bucket { conditions.add(bucket) { "mem.bucket = \($0)" } }
        for tag in filters.tags { conditions.add(tag) { "mem.tags ? \($0)" } }
        if let chatID = filters.chatID {
            conditions.add(try PublicID.chat.require(chatID, field: "chat_id")) { "mem.source_chat_id = \($0)" }
        }
        if let platform = filters.platform {
            conditions.add(platform.rawValue) {
                "EXISTS (SELECT 1 FROM chats c WHERE c.id = mem.source_chat_id AND c.platform = \($0))"
            }
        }
        // Memory dates are kept in whole milliseconds (as the SQLite store's text keeps them), so
        // the bounds are too, counted exactly: bounds compare as they do there.
        if let from = filters.dateFrom {
            conditions.add(milliseconds(from)) { "COALESCE(mem.memories_at, mem.created_at) >= \(instant($0))" }
        }
        if let to = filters.dateTo {
            conditions.add(milliseconds(to)) { "COALESCE(mem.memories_at, mem.created_at) <= \(instant($0))" }
        }
        return conditions
    }

    /// Whole milliseconds since 1970, rounded down.
    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The instant a bound count of milliseconds names, in exact integer arithmetic.
    private static func instant(_ placeholder: String) -> String {
        "(timestamptz 'epoch' + \(placeholder)::bigint * interval '1 millisecond')"
    }
}
