import Foundation

/// LoCoMo's gold facts (`observation`): per session and speaker, facts with the turns
/// (`dia_id`s) that state them.
struct LoCoMoObservations {
    /// One gold fact.
    struct Fact {
        let text: String
        let evidence: [String]
    }

    /// Facts by sample id, then session number, then speaker.
    let facts: [String: [Int: [String: [Fact]]]]

    /// Reads the `observation` member of every sample.
    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        var facts: [String: [Int: [String: [Fact]]]] = [:]
        for sample in root {
            guard let id = sample["sample_id"] as? String, let sessions = sample["observation"] as? [String: Any] else {
                continue
            }
            for (key, value) in sessions {
                // "session_12_observation"
                guard let number = Int(key.split(separator: "_").dropFirst().first ?? ""),
                    let bySpeaker = value as? [String: Any]
                else { continue }
                for (speaker, list) in bySpeaker {
                    for pair in list as? [[Any]] ?? [] where pair.count == 2 {
                        guard let text = pair[0] as? String else { continue }
                        // Evidence is one dia_id, occasionally a list of them.
                        let raw = (pair[1] as? [String]) ?? [(pair[1] as? String) ?? ""]
                        let evidence = raw.flatMap(LoCoMoDataset.normalizeEvidence)
                        facts[id, default: [:]][number, default: [:]][speaker, default: []].append(
                            Fact(text: text, evidence: evidence))
                    }
                }
            }
        }
        self.facts = facts
    }

    /// How many gold facts there are in all.
    var count: Int {
        facts.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } } }
    }
}
