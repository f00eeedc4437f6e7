import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with `posix_spawn` and reaped with `wait4`, so its own peak memory
/// (`ru_maxrss`) can be read; optionally with pipes to talk JSON-RPC over its stdin and stdout.
final class ChildProcess {
    /// What the child's end told us.
    struct Exit {
        var status: Int32
        /// Peak resident memory of the child, in KiB.
        var peakRSSKiB: Int
        /// CPU time the child used (user and system), in seconds: steadier than wall time on a
        /// machine other work shares.
        var cpuSeconds: Double = 0
    }

    let pid: pid_t
    private var input: Int32 = -1
    private var output: Int32 = -1
    private var pending: [UInt8] = []

    /// Starts `executable` with `arguments`; stderr goes to /dev/null; stdin and stdout are pipes
    /// when `talk` is true, /dev/null otherwise.
    init(_ executable: String, _ arguments: [String], talk: Bool = false) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        if talk {
            guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw POSIXError(.EMFILE) }
            posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
            posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
            for descriptor in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, descriptor) }
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, nil, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .ENOENT) }
        pid = child
        if talk {
            close(toChild[0])
            close(fromChild[1])
            input = toChild[1]
            output = fromChild[0]
        }
    }

    /// Writes one line to the child's stdin.
    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Reads the child's next stdout line; nil at end of output.
    func readLine() -> String? {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeFirst(newline + 1)
                return line
            }
            let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count <= 0 { return nil }
            pending += chunk[..<count]
        }
    }

    /// Resident memory right now, in KiB (Linux `/proc`), or 0 where unavailable.
    func currentRSSKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Closes stdin (if piped) and waits for the child to end.
    func wait() -> Exit {
        if input >= 0 {
            close(input)
            input = -1
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        if output >= 0 {
            close(output)
            output = -1
        }
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
                usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Exit(status: status, peakRSSKiB: Int(usage.ru_maxrss), cpuSeconds: cpu)
    }
}
