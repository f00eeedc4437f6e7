import Foundation

/// Runs a command under `valgrind --tool=callgrind` and reads the instructions it executed.
enum Callgrind {
    /// Whether valgrind is on the PATH.
    static var available: Bool {
        (try? run("/usr/bin/env", ["valgrind", "--version"]).status) == 0
    }

    /// A copy of `binary` without its debug sections, written under `work`: valgrind's reader
    /// gives up on the full binaries' debug information (the embedded models make them large), and
    /// counts need no symbols.
    static func prepare(_ binary: String, work: String, name: String) throws -> String {
        let copy = (work as NSString).appendingPathComponent(name)
        let result = try run("/usr/bin/env", ["strip", "--strip-debug", "-o", copy, binary])
        guard result.status == 0 else {
            throw CallgrindError(arguments: ["strip", binary], status: result.status, tail: result.errors)
        }
        return copy
    }

    /// Instructions the command executed (all threads).
    static func count(_ binary: String, _ arguments: [String], work: String) throws -> Int {
        let output = (work as NSString).appendingPathComponent("callgrind.out")
        let result = try run(
            "/usr/bin/env", ["valgrind", "--tool=callgrind", "--callgrind-out-file=\(output)", binary] + arguments)
        try? FileManager.default.removeItem(atPath: output)
        // callgrind ends with "==pid== Collected : N" on stderr.
        guard result.status == 0,
            let line = result.errors.split(separator: "\n").last(where: { $0.contains("Collected :") }),
            let total = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
        else {
            throw CallgrindError(arguments: arguments, status: result.status, tail: String(result.errors.suffix(400)))
        }
        return total
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }
}

/// A callgrind run that did not finish or printed no total.
struct CallgrindError: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let tail: String

    var description: String {
        "valgrind --tool=callgrind recall \(arguments.joined(separator: " ")) exited \(status): \(tail)"
    }
}
