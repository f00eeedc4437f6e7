import Foundation

/// `recall serve` running over pipes: write JSON-RPC lines, read whatever stdout says.
///
/// A reader thread splits stdout into lines as they arrive, so a test can wait for the
/// responses it needs without sleeping, and still see every byte the server wrote.
final class ServerProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let exited = DispatchSemaphore(value: 0)
    private let condition = NSCondition()
    private var lines: [String] = []
    private var pending = Data()
    private var reachedEOF = false

    /// Starts `recall serve --db <store>`.
    init(store: String, extraArguments: [String] = []) throws {
        process.executableURL = try RecallBinary.url
        process.arguments = ["serve", "--db", store, "--log-level", "warning"] + extraArguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        process.terminationHandler = { [exited] _ in exited.signal() }
        try process.run()
        Thread.detachNewThread { [self] in readLoop() }
    }

    /// Writes one message as a line.
    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Closes stdin: the server should answer what it has and exit.
    func closeInput() throws {
        try input.fileHandleForWriting.close()
    }

    /// Every stdout line so far.
    var stdoutLines: [String] {
        condition.withLock { lines }
    }

    /// Waits until a response for each id has arrived; returns them by id.
    ///
    /// Lines that are not responses (log notifications) are skipped, not rejected.
    func responses(for ids: Set<Int>, timeout: TimeInterval = 30) -> [Int: [String: Any]] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let found = Self.responses(in: lines, ids: ids)
            if found.count == ids.count || reachedEOF || !condition.wait(until: deadline) { return found }
        }
    }

    /// Waits for the process to exit; nil if it is still running after `timeout` (it is then killed).
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            exited.wait()
            return nil
        }
        // The exit can beat the reader to the last bytes; wait for EOF on stdout too.
        condition.withLock { while !reachedEOF { condition.wait() } }
        return process.terminationStatus
    }

    /// Stops the process if a test left it running.
    deinit {
        if process.isRunning { process.terminate() }
    }

    private func readLoop() {
        let handle = output.fileHandleForReading
        while true {
            let chunk = handle.availableData
            condition.withLock {
                if chunk.isEmpty {
                    if !pending.isEmpty { lines.append(String(decoding: pending, as: UTF8.self)) }
                    pending.removeAll()
                    reachedEOF = true
                } else {
                    pending.append(chunk)
                    while let newline = pending.firstIndex(of: 0x0A) {
                        lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                        pending.removeSubrange(pending.startIndex...newline)
                    }
                }
                condition.broadcast()
            }
            if chunk.isEmpty { return }
        }
    }

    private static func responses(in lines: [String], ids: Set<Int>) -> [Int: [String: Any]] {
        var found: [Int: [String: Any]] = [:]
        for line in lines {
            guard let object = JSONLine.object(line), let id = object["id"] as? Int, ids.contains(id),
                object["result"] != nil || object["error"] != nil
            else { continue }
            found[id] = object
        }
        return found
    }
}

/// Parses one stdout line as a JSON object.
enum JSONLine {
    /// The object, or nil when the line is not a JSON object.
    static func object(_ line: String) -> [String: Any]? {
        guard let data = line.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
