import Foundation
import RecallCore
import Testing
@testable import RecallMCP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real descriptor path: a reader thread on one pipe, single writes to another.
@Suite struct StdioTransportTests {
    @Test func servesOverPipesAndDrainsAtEndOfInput() async throws {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        try #require(pipe(&input) == 0 && pipe(&output) == 0)
        let server = RecallServer(recall: .inMemory(), version: "pipe-test")
        let transport = StdioTransport(input: input[0], output: output[1])
        let serving = Task { await server.run(transport: transport) }

        // A thread of its own collects stdout until the write end closes (blocking reads stay
        // off the cooperative pool the server runs on).
        let readEnd = output[0]
        let collected = Task { await Self.readAll(readEnd) }

        var script = #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{}}}"# + "\r\n"
        script += #"{"jsonrpc":"2.0","method":"notifications/initialized","params":{}}"# + "\n\n"
        for id in 1...10 { script += #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"memory_stats"}}"# + "\n" }
        script += "{not json\n"
        script += #"{"jsonrpc":"2.0","id":11,"method":"ping"}"#   // no final line ending
        let bytes = Array(script.utf8)
        // Write in uneven pieces so messages straddle reads.
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + 37, bytes.count)
            let written = bytes[offset..<end].withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
            try #require(written > 0)
            offset += written
        }
        close(input[1])

        await serving.value
        close(output[1])
        let text = String(decoding: await collected.value, as: UTF8.self)
        close(input[0])
        close(output[0])

        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let messages = lines.compactMap { TestClient.parse(String($0)) }
        #expect(messages.count == lines.count, "every stdout line is one JSON message")
        #expect(messages.count == 13)
        let ids = Set(messages.compactMap { message -> Int64? in
            if case .int(let id)? = message["id"] { return id }
            return nil
        })
        #expect(ids == Set(0...11))
        #expect(messages.contains { $0["error"]?["code"] == .int(-32700) && $0["id"] == nil })
    }

    private static func readAll(_ descriptor: Int32) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count <= 0 { break }
                    bytes += buffer[0..<count]
                }
                continuation.resume(returning: bytes)
            }
            thread.start()
        }
    }
}
