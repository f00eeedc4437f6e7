import Foundation
import Synchronization

/// The extraction tables' regular expressions, compiled without `try!`.
///
/// The tables are literals, so a pattern that does not compile is a programming error; it must
/// not take the server down with it. Such a pattern becomes one that matches nothing (that rule
/// stays silent, every other rule still works) and is recorded in `failures`, which a test reads
/// after compiling every table.
enum LiteralRegex {
    /// The patterns that did not compile since the process started.
    static var failures: [String] { failed.withLock { $0 } }

    private static let failed = Mutex<[String]>([])

    /// `pattern` compiled with `options`, or a regex that never matches when it does not compile.
    static func compile(_ pattern: String, options: NSRegularExpression.Options = []) -> NSRegularExpression {
        if let regex = try? NSRegularExpression(pattern: pattern, options: options) { return regex }
        failed.withLock { $0.append(pattern) }
        return never
    }

    /// An empty negative lookahead: fails at every position, and is valid in every ICU version.
    private static let never: NSRegularExpression = {
        do { return try NSRegularExpression(pattern: "(?!)") } catch {
            preconditionFailure("an empty negative lookahead did not compile: \(error)")
        }
    }()
}
