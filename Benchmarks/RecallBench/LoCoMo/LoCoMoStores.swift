import ArgumentParser
import Foundation
import RecallCore

/// How LoCoMo reaches the store.
enum LoCoMoShape: String, ExpressibleByArgument, CaseIterable {
    /// A Claude export per conversation, imported with Recall's own importer into one store, a
    /// bucket per conversation: roles user/assistant, names only in the text, session dates.
    case claude
    /// Each conversation in its own store as transcript chats that name each turn's speaker
    /// (an author field real ChatGPT and Claude exports do not have).
    case transcript
}

/// The stores a LoCoMo run searches, built once and reopened for every ranking measured.
struct LoCoMoStores {
    /// Where each sample's questions are asked: a store, and the bucket that holds the sample.
    let places: [(location: StoreLocation, bucket: String?)]
    /// Memories extracted on import (with `extract`).
    private(set) var memories = 0

    /// Imports every sample of the dataset in `shape` under `folder` (emptied first).
    init(_ data: LoCoMoDataset, shape: LoCoMoShape, extract: Bool, folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        switch shape {
        case .claude:
            let store = StoreLocation.file((folder as NSString).appendingPathComponent("locomo-claude.sqlite"))
            let recall = Recall(location: store)
            var places: [(StoreLocation, String?)] = []
            for sample in data.samples {
                let export = (folder as NSString).appendingPathComponent("\(sample.id)-claude.json")
                try LoCoMoClaudeExport.write(sample, to: export)
                let bucket = "locomo-\(sample.id)"
                let summary = try recall.importChats(ImportRequest(path: export, bucket: bucket, extract: extract))
                memories += summary.memoriesExtracted
                guard summary.platform == "claude" else {
                    throw ValidationError("\(export) was read as \(summary.platform), not as a Claude export.")
                }
                places.append((store, bucket))
            }
            self.places = places
        case .transcript:
            var places: [(StoreLocation, String?)] = []
            for sample in data.samples {
                let store = StoreLocation.file(
                    (folder as NSString).appendingPathComponent("locomo-\(sample.id).sqlite"))
                memories += try Recall(location: store).importConversations(
                    data.conversations(of: sample), label: "locomo \(sample.id)", extract: extract
                ).memoriesExtracted
                places.append((store, nil))
            }
            self.places = places
        }
    }
}
