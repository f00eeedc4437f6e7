import Foundation

/// One column value on its way from one store to the other.
enum CopyValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case boolean(Bool)
    case blob([UInt8])
    case date(Date)

    /// The integer, when this is one (row keys, links).
    var integer: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// The text, when this is some.
    var text: String? {
        if case .text(let value) = self { value } else { nil }
    }
}

/// One row: values in the order of its table's columns.
typealias CopyRow = [CopyValue]
