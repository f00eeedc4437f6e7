import Foundation
import Testing

@testable import RecallCore

/// Bad exports through the splitter, every parser and the reader: no crash, no hang, only
/// diagnostics and errors, and nothing emitted that the store cannot hold.
@Suite(.serialized) struct ImportFuzzTests {
    static let campaign = FuzzCampaign(target: "export")

    /// The parser tests' fixtures are real-shaped exports of each platform: good seeds.
    static var fixtureFolders: [URL] {
        let fixtures = FuzzCampaign.fuzzFolder.deletingLastPathComponent().appendingPathComponent(
            "Tests/RecallCoreTests/Fixtures")
        return ["chatgpt", "claude"].map { fixtures.appendingPathComponent($0) }
    }

    static let mutator = Mutator(
        dictionary: (Mutator.jsonTokens + [
            "\"mapping\":", "\"current_node\":", "\"parent\":", "\"children\":", "\"message\":", "\"author\":",
            "\"role\":",
            "\"content\":", "\"parts\":", "\"content_type\":", "\"create_time\":", "\"update_time\":", "\"id\":",
            "\"conversation_id\":", "\"title\":", "\"chat_messages\":", "\"uuid\":", "\"sender\":", "\"text\":",
            "\"created_at\":", "\"attachments\":", "\"files\":", "\"parent_message_uuid\":", "\"conversations\":",
            "\"inserted_at\":", "\"fragments\":", "\"user\"", "\"assistant\"", "\"human\"", "\"system\"", "\"tool\"",
            "\"text\"", "\"code\"", "\"thoughts\"", "\"multimodal_text\"", "\"client-created-root\"", "1714550400.25",
            "\"2024-05-01T10:00:00Z\"", "\"2024-13-45T99:99:99Z\"",
        ]).map { Array($0.utf8) })

    @Test(.timeLimit(.minutes(2))) func corpusAndRegressionsAreHandled() {
        var harness = ImportHarness()
        var random = SeededGenerator(seed: Self.campaign.seed)
        let inputs = Self.campaign.corpus(extraFolders: Self.fixtureFolders) + Self.campaign.regressions()
        #expect(inputs.count > 3, "no corpus found under \(FuzzCampaign.fuzzFolder.path)")
        for input in inputs {
            harness.run(input.bytes, name: input.name, using: &random)
        }
        #expect(harness.problems.isEmpty, "\(harness.problems.prefix(5))")
    }

    @Test(.timeLimit(.minutes(30))) func mutatedExportsAreHandled() async {
        var harness = ImportHarness()
        let seeds = Self.campaign.corpus(extraFolders: Self.fixtureFolders).map(\.bytes)
        let count = await Self.campaign.mutate(seeds, with: Self.mutator) { input, random in
            harness.run(input, name: "mutated", using: &random)
        }
        #expect(count > 0)
        #expect(harness.problems.isEmpty, "seed \(Self.campaign.seed): \(harness.problems.prefix(5))")
    }
}
