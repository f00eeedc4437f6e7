import Foundation
import RecallCore

/// The LoCoMo long-conversation benchmark (`locomo10.json`): conversations of dated sessions,
/// and questions with the turns (`dia_id`s) that answer them.
struct LoCoMoDataset {
    struct Turn: Decodable {
        let speaker: String
        let diaID: String
        let text: String
        let blipCaption: String?
        enum CodingKeys: String, CodingKey {
            case speaker, text
            case diaID = "dia_id"
            case blipCaption = "blip_caption"
        }
    }

    struct Question {
        let text: String
        let category: Int
        let evidence: [String]
    }

    struct Sample {
        let id: String
        let speakers: [String]
        let sessions: [(number: Int, date: Date?, turns: [Turn])]
        let questions: [Question]
    }

    let samples: [Sample]

    /// Reads the dataset file.
    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw RecallError(.unrecognizedFormat, "\(path) is not the LoCoMo list of samples")
        }
        samples = try root.map(Self.sample)
    }

    private static func sample(_ object: [String: Any]) throws -> Sample {
        let conversation = object["conversation"] as? [String: Any] ?? [:]
        var sessions: [(Int, Date?, [Turn])] = []
        for number in 1...100 {
            guard let raw = conversation["session_\(number)"] else { continue }
            let turns = try JSONDecoder().decode([Turn].self, from: JSONSerialization.data(withJSONObject: raw))
            sessions.append(
                (number, (conversation["session_\(number)_date_time"] as? String).flatMap(parseDate), turns))
        }
        let questions = (object["qa"] as? [[String: Any]] ?? []).compactMap { qa -> Question? in
            guard let text = qa["question"] as? String, let category = qa["category"] as? Int else { return nil }
            let evidence = (qa["evidence"] as? [String] ?? []).flatMap(normalizeEvidence)
            return Question(text: text, category: category, evidence: evidence)
        }
        let speakers = [conversation["speaker_a"] as? String ?? "A", conversation["speaker_b"] as? String ?? "B"]
        return Sample(
            id: object["sample_id"] as? String ?? "?", speakers: speakers, sessions: sessions, questions: questions)
    }

    /// Evidence as written has quirks: `"D8:6; D9:17"`, `"D:11:26"`, `"D30:05"`.
    static func normalizeEvidence(_ raw: String) -> [String] {
        raw.split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "," }).compactMap { part in
            let cleaned = part.replacingOccurrences(of: "D:", with: "D")
            let pieces = cleaned.dropFirst().split(separator: ":")
            guard cleaned.hasPrefix("D"), pieces.count == 2, let session = Int(pieces[0]), let turn = Int(pieces[1])
            else { return nil }
            return "D\(session):\(turn)"
        }
    }

    /// "1:56 pm on 8 May, 2023".
    static func parseDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "h:mm a 'on' d MMMM, yyyy"
        return formatter.date(from: text)
    }

    /// Each session as a chat, each turn a message keeping its `dia_id`, image captions as the
    /// image's description — the way a user's own chats are stored.
    func conversations(of sample: Sample) -> [ParsedConversation] {
        sample.sessions.map { session in
            let messages = session.turns.enumerated().map { index, turn in
                ParsedMessage(
                    sourceID: turn.diaID, parentSourceID: index > 0 ? session.turns[index - 1].diaID : nil,
                    role: turn.speaker == sample.speakers[0] ? .user : .assistant, text: turn.text,
                    createdAt: session.date, activePosition: index,
                    attachments: turn.blipCaption.map { [Attachment(kind: .image, description: $0)] } ?? [],
                    author: turn.speaker)
            }
            return ParsedConversation(
                platform: .transcript, sourceID: "\(sample.id)-session-\(session.number)",
                title: "\(sample.speakers.joined(separator: " & ")) — session \(session.number)",
                createdAt: session.date, updatedAt: session.date, messages: messages,
                metadata: ["speakers": sample.speakers.joined(separator: ", ")])
        }
    }
}
