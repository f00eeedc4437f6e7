import ArgumentParser
import Foundation
import RecallCore

/// Training rows for the durability head: each candidate of the rules, kept or dropped, its memory's sentence vector
/// and whether it is worth keeping.
///
/// `scripts/durability/train_head.py` reads them.
struct HeadFeatures {
    /// Which sentence vector a row carries: `static` (256-d) or `transformer` (384-d).
    let model: String
    private(set) var lines: [String] = []

    /// A writer for one model's vectors; throws on an unknown name.
    init(model: String) throws {
        guard ["static", "transformer"].contains(model) else {
            throw ValidationError("Unknown --features-model \(model); use static or transformer.")
        }
        self.model = model
    }

    /// The vector the head would read for a memory.
    func vector(_ text: String) -> [Float]? {
        model == "static" ? StaticEncoder.shared.encode(text)?.components : TransformerEncoder.shared.encode(text)
    }

    /// Adds one row: `set` and `split` say where it comes from, `group` which message or
    /// speaker (so cross-validation keeps a group together), `label` 1 for worth keeping, `type`
    /// the memory's type (the head leaves preferences to the rules) and `gold` the gold facts it
    /// matches (so a threshold can be judged by the gold facts it keeps found).
    mutating func add(
        set: String, split: String, group: String, text: String, label: Int, why: String, kept: Bool, type: String,
        gold: [String] = []
    ) {
        guard let vector = vector(text) else { return }
        let row: [String: Any] = [
            "set": set, "split": split, "group": group, "text": text, "label": label, "why": why,
            "rules": kept ? "keep" : "drop", "type": type, "gold": gold,
            "vector": vector.map { (Double($0) * 1e6).rounded() / 1e6 },
        ]
        if let data = try? JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]) {
            lines.append(String(decoding: data, as: UTF8.self))
        }
    }

    /// Adds the row that counts a split's gold facts (no text, no vector): the share of them that
    /// kept memories match is the recall a threshold is judged by.
    mutating func addGoldTotal(set: String, split: String, count: Int) {
        let row: [String: Any] = ["set": set, "split": split, "gold_total": count]
        if let data = try? JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]) {
            lines.append(String(decoding: data, as: UTF8.self))
        }
    }

    /// Writes the rows as JSON lines.
    func write(to path: String) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
