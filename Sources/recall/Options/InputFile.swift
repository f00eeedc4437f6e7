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
        let decoder = JSONDecoder()
        if let turns = try? decoder.decode([ChatTurn].self, from: data) { return turns }
        if let wrapped = try? decoder.decode(Wrapped.self, from: data) { return wrapped.messages }
        throw RecallError(
            .invalidArgument,
            "\(displayName(path)) is not a JSON array of {\"role\", \"content\"} messages.",
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
