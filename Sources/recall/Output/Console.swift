import Foundation
import RecallCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The CLI's only way out: results to stdout, diagnostics to stderr.
enum Console {
    /// Writes a result to stdout, ending it with a newline.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(terminated(text).utf8))
    }

    /// Writes a diagnostic to stderr, ending it with a newline.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(terminated(text).utf8))
    }

    /// Writes raw text to stderr, as is; progress bars redraw their line with `\r`.
    static func writeErrorRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Reports a Core error: its message, then one line per offending field.
    static func report(_ error: RecallError) {
        var lines = ["Error: \(error.message)"]
        for (field, problem) in error.fieldErrors.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(field): \(problem)")
        }
        writeError(lines.joined(separator: "\n"))
    }

    /// True when stderr is a terminal, so a redrawn progress bar makes sense.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The width to lay tables out in: `COLUMNS`, the terminal's, or 100 when piped.
    static var width: Int { width(of: STDOUT_FILENO) }

    /// The width of the terminal behind a descriptor (`COLUMNS` wins), or 100 when it is not one.
    static func width(of descriptor: Int32) -> Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 40 {
            return columns
        }
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        var size = winsize()
        if isatty(descriptor) == 1, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 {
            return Int(size.ws_col)
        }
        #endif
        return 100
    }

    private static func terminated(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }
}
