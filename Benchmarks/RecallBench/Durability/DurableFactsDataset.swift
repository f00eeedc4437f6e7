import Foundation

/// The labelled set of `Benchmarks/Data/durable-facts.json`: user messages in the style of
/// assistant chats, each sentence marked durable (with the memory it should give) or not (with why).
struct DurableFactsDataset: Decodable {
    /// One sentence of a message and its label.
    struct Sentence: Decodable {
        let text: String
        /// `durable`, or why not: `request`, `instruction`, `task`, `code`, `error`, `transient`, `chat`, `hypothetical`, `other`.
        let label: String
        /// For a durable sentence: the memory's type and content.
        let type: String?
        let memory: String?
        /// Whether the sentence starts on a new line (otherwise a space joins it to the one before).
        let newline: Bool?
    }

    /// One user message.
    struct Message: Decodable {
        let id: String
        /// `tune` (used to write the rules) or `held-out` (only measured).
        let split: String
        let domain: String
        let sentences: [Sentence]

        /// The message as a user typed it.
        var text: String {
            var text = ""
            for sentence in sentences {
                if !text.isEmpty { text += sentence.newline == true ? "\n" : " " }
                text += sentence.text
            }
            return text
        }

        /// The memories it should give.
        var expected: [(content: String, type: String)] {
            sentences.compactMap { sentence in sentence.memory.map { ($0, sentence.type ?? "fact") } }
        }
    }

    let messages: [Message]

    /// Reads the file.
    init(path: String) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Labels that ask or tell the assistant something: a memory from one of these is a failure.
    static let requestLabels: Set<String> = ["request", "instruction"]
}
