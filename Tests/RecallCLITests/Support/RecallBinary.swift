import Foundation

/// The built `recall` executable, and a way to run it to completion.
enum RecallBinary {
    /// What a finished run printed and how it exited.
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary: `RECALL_BIN`, else next to the test bundle in the build products folder.
    static var url: URL {
        get throws {
            var candidates: [URL] = []
            if let override = ProcessInfo.processInfo.environment["RECALL_BIN"], !override.isEmpty {
                candidates.append(URL(fileURLWithPath: override))
            }
            // Linux runs the test bundle as an executable inside the products folder; macOS loads
            // an .xctest bundle from it.
            candidates.append(Bundle.main.bundleURL.appendingPathComponent("recall"))
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("recall"))
            }
            let packageRoot = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            candidates.append(packageRoot.appendingPathComponent(".build/debug/recall"))
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                throw BinaryNotFound(searched: candidates.map(\.path))
            }
            return found
        }
    }

    /// Runs `recall` with arguments and optional stdin, and waits for it (killing it after `timeout`).
    static func run(_ arguments: [String], stdin: Data? = nil, timeout: TimeInterval = 60) throws -> Result {
        let process = Process()
        process.executableURL = try url
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()

        // Drain both pipes concurrently so a chatty child never blocks on a full pipe.
        let collected = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            collected.stdout = output.fileHandleForReading.readDataToEndOfFile()
        }
        DispatchQueue.global().async(group: group) {
            collected.stderr = errors.fileHandleForReading.readDataToEndOfFile()
        }
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            exited.wait()
        }
        group.wait()
        return Result(
            exitCode: process.terminationStatus,
            stdout: String(decoding: collected.stdout, as: UTF8.self),
            stderr: String(decoding: collected.stderr, as: UTF8.self)
        )
    }

    /// A fresh store path in a fresh temporary folder.
    static func temporaryStore() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("recall.sqlite").path
    }
}

/// The binary was not built where the tests looked.
struct BinaryNotFound: Error, CustomStringConvertible {
    var searched: [String]
    var description: String { "recall binary not found; build it first (swift build). Looked in: \(searched)" }
}

/// Output gathered by the reader threads; each field is written by one thread and read after `group.wait()`.
private final class Collected: @unchecked Sendable {
    var stdout = Data()
    var stderr = Data()
}
