import Foundation

/// Talks to `recall serve` over pipes, as an MCP client does, to time what users wait for.
struct ServerProbe {
    /// The `recall` executable.
    let binary: String

    static let initialize =
        #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"recall-bench","version":"1"}}}"#

    /// Spawn → `initialize` answered, `count` times on a store (with `extra` arguments to `serve`); also the resident memory of an
    /// idle server right after its handshake (median over the spawns).
    func startup(store: String, count: Int, extra: [String] = []) throws -> (latencies: Latencies, idleRSSKiB: Int) {
        var latencies = Latencies()
        var resident: [Int] = []
        for _ in 0..<count {
            let server = try latencies.time { () throws -> ChildProcess in
                let server = try ChildProcess(
                    binary, ["serve", "--db", store, "--log-level", "error"] + extra, talk: true)
                server.send(Self.initialize)
                _ = server.readLine()
                return server
            }
            resident.append(server.currentRSSKiB())
            _ = server.wait()
        }
        return (latencies, resident.sorted()[resident.count / 2])
    }

    /// A running, initialized server on a store.
    func session(store: String, extra: [String] = []) throws -> Session {
        let server = try ChildProcess(binary, ["serve", "--db", store, "--log-level", "error"] + extra, talk: true)
        server.send(Self.initialize)
        _ = server.readLine()
        server.send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        return Session(process: server)
    }

    /// One server, called tool after tool.
    final class Session {
        let process: ChildProcess
        private var nextID = 1

        init(process: ChildProcess) {
            self.process = process
        }

        /// Calls a tool and waits for its answer; returns the raw response line.
        @discardableResult
        func call(_ tool: String, _ arguments: [String: Any]) throws -> String {
            nextID += 1
            let params: [String: Any] = ["name": tool, "arguments": arguments]
            let request: [String: Any] = ["jsonrpc": "2.0", "id": nextID, "method": "tools/call", "params": params]
            let data = try JSONSerialization.data(withJSONObject: request)
            process.send(String(decoding: data, as: UTF8.self))
            while let line = process.readLine() {
                if line.contains("\"id\":\(nextID),") || line.hasPrefix("{\"id\":\(nextID),") { return line }
            }
            throw CocoaError(.fileReadUnknown)
        }

        /// Ends the server; returns its peak resident memory in KiB.
        func close() -> Int {
            process.wait().peakRSSKiB
        }
    }
}
