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
    /// With `nonBlocking`, the input descriptor is switched to O_NONBLOCK, as a parent sharing it
    /// might do: reads then see EAGAIN between chunks, which must not be taken for end of input.
    @Test(arguments: [false, true])
    func servesOverPipesAndDrainsAtEndOfInput(nonBlocking: Bool) async throws {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        try #require(pipe(&input) == 0 && pipe(&output) == 0)
        if nonBlocking {
            try #require(fcntl(input[0], F_SETFL, fcntl(input[0], F_GETFL) | O_NONBLOCK) == 0)
        }
        let server = RecallServer(recall: .inMemory(), version: "pipe-test")
        let transport = StdioTransport(input: input[0], output: output[1])
        let serving = Task { await server.run(transport: transport) }
        let readEnd = output[0]

        // Initialize first and wait for its answer: the reader is then waiting on an empty pipe,
        // which is when a non-blocking descriptor reports EAGAIN.
        let initialize =
            #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{}}}"#
        try Self.send(initialize + "\r\n", to: input[1])
        let first = await Self.collect(readEnd, untilNewline: true)

        var script = #"{"jsonrpc":"2.0","method":"notifications/initialized","params":{}}"# + "\n\n"
        for id in 1...10 {
            script += #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"memory_stats"}}"# + "\n"
        }
        script += "{not json\n"
        script += #"{"jsonrpc":"2.0","id":11,"method":"ping"}"#  // no final line ending
        try Self.send(script, to: input[1])
        close(input[1])

        await serving.value
        close(output[1])
        let rest = await Self.collect(readEnd, untilNewline: false)
        let text = String(decoding: first + rest, as: UTF8.self)
        close(input[0])
        close(output[0])

        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let messages = lines.compactMap { TestClient.parse(String($0)) }
        #expect(messages.count == lines.count, "every stdout line is one JSON message")
        #expect(messages.count == 13)
        let ids = Set(
            messages.compactMap { message -> Int64? in
                if case .int(let id)? = message["id"] { return id }
                return nil
            })
        #expect(ids == Set(0...11))
        #expect(messages.contains { $0["error"]?["code"] == .int(-32700) && $0["id"] == .null })
    }

    /// Writes in uneven pieces, so messages straddle the reader's reads.
    private static func send(_ text: String, to descriptor: Int32) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + 37, bytes.count)
            let written = bytes[offset..<end].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            try #require(written > 0)
            offset += written
        }
    }

    /// Reads on a thread of its own (blocking reads stay off the cooperative pool the server
    /// runs on), up to the first LF or to end of file.
    private static func collect(_ descriptor: Int32, untilNewline: Bool) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while !(untilNewline && bytes.contains(0x0A)) {
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
