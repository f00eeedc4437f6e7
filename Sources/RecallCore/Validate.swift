import Foundation

/// Argument checks shared by every entry point, so the CLI and the MCP tools reject the same things.
enum Validate {
    /// Throws unless `value` is within `range`.
    static func range(_ value: Int, _ range: ClosedRange<Int>, field: String) throws {
        guard range.contains(value) else {
            throw RecallError.invalid(
                field, "must be an integer from \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
    }

    /// Throws unless `value` is within `range`.
    static func range(_ value: Double, _ range: ClosedRange<Double>, field: String) throws {
        guard range.contains(value) else {
            throw RecallError.invalid(
                field, "must be a number from \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
    }

    /// Throws unless the text has something besides white space, holds no NUL, and is not too long.
    static func text(_ value: String, field: String, maximum: Int = 100_000) throws {
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RecallError.invalid(field, "must not be empty")
        }
        // A NUL ends the text for every C API downstream (the terminal, SQLite's text functions,
        // other tools reading the export): what was stored would not be what is shown.
        guard !value.unicodeScalars.contains("\0") else {
            throw RecallError.invalid(
                field, "must not contain a NUL character (U+0000); remove it and send the text again")
        }
        guard value.count <= maximum else {
            throw RecallError(
                .tooLarge,
                "Invalid argument `\(field)`: \(value.count) characters is over the limit of \(maximum); split it into smaller pieces.",
                fieldErrors: [field: "too long"])
        }
    }
}
