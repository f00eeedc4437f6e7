import Foundation
import RecallCore

/// Reads text or JSON the user points at: a path, or `-` for stdin.
enum InputFile {
    /// The whole file (or stdin) as UTF-8 text.
    static func readText(_ path: String) throws -> String {
        String(decoding: try readData(path), as: UTF8.self)
    }

    /// Chat turns from JSON: an array of `{role, content}`, or an object holding one as `messages`.
    static func readTurns(_ path: String) throws -> [ChatTurn] {
        let data = try readData(path)
        // Foundation's decoder traps (killing the process) on some text that ends inside an
        // array, such as 513 `[`: refuse it before decoding, as the MCP server does.
        if !NestingDepth.endsInsideContainer(data) {
            let decoder = JSONDecoder()
            if let turns = try? decoder.decode([ChatTurn].self, from: data) { return turns }
            if let wrapped = try? decoder.decode(Wrapped.self, from: data) { return wrapped.messages }
        }
        let problem =
            NestingDepth.exceedsDecoderLimit(data)
            ? "nests arrays or objects more than \(NestingDepth.decoderLimit) levels deep"
            : "is not a JSON array of {\"role\", \"content\"} messages"
        throw RecallError(
            .invalidArgument, "\(displayName(path)) \(problem).",
            fieldErrors: ["messages": "expected [{\"role\": \"user\", \"content\": \"…\"}, …]"]
        )
    }

    private struct Wrapped: Decodable {
        var messages: [ChatTurn]
    }

    private static func readData(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: StoreLocation.expand(path)))
        } catch {
            throw RecallError(.unreadableFile, "Cannot read \(path): \(error.localizedDescription)")
        }
    }

    private static func displayName(_ path: String) -> String {
        path == "-" ? "stdin" : path
    }
}
