import Foundation
import Testing

@testable import RecallMCP

/// Bad input to the JSON-RPC layer (framing, parsing, dispatch, tool arguments): the server
/// never crashes, never hangs, and every line it writes is a well-formed JSON-RPC message.
@Suite(.serialized) struct JSONRPCFuzzTests {
    static let campaign = FuzzCampaign(target: "jsonrpc")

    static let mutator = Mutator(
        dictionary: (Mutator.jsonTokens + [
            "\"jsonrpc\":\"2.0\"", "\"id\":", "\"method\":", "\"params\":", "\"result\":", "\"error\":",
            "\"_meta\":{\"progressToken\":1}",
            "\"initialize\"", "\"ping\"", "\"tools/list\"", "\"tools/call\"", "\"resources/read\"",
            "\"resources/list\"",
            "\"resources/templates/list\"", "\"prompts/get\"", "\"prompts/list\"", "\"logging/setLevel\"",
            "\"notifications/cancelled\"", "\"notifications/initialized\"", "\"server/discover\"", "\"name\":",
            "\"arguments\":",
            "\"search\"", "\"add_memory\"", "\"forget\"", "\"update_memory\"", "\"get_conversation\"", "\"list_chats\"",
            "\"get_context\"", "\"extract_memories\"", "\"memory_stats\"", "\"cursor\":", "\"limit\":", "\"query\":",
            "\"recall://chat/1\"", "\"recall://memory/1\"", "\"mem_1\"", "\"chat_1\"", "\"msg_1\"",
        ]).map { Array($0.utf8) })

    @Test(.timeLimit(.minutes(2))) func corpusAndRegressionsAreHandled() async {
        var harness = JSONRPCHarness()
        var random = SeededGenerator(seed: Self.campaign.seed)
        let inputs = Self.campaign.corpus() + Self.campaign.regressions()
        #expect(!inputs.isEmpty, "no corpus found under \(FuzzCampaign.fuzzFolder.path)")
        for input in inputs {
            await harness.feed(input.bytes, using: &random)
        }
        await harness.finish()
        #expect(harness.problems.isEmpty, "\(harness.problems.prefix(5))")
    }

    @Test(.timeLimit(.minutes(30))) func mutatedInputsAreHandled() async {
        var harness = JSONRPCHarness()
        let seeds = Self.campaign.corpus().map(\.bytes)
        let count = await Self.campaign.mutate(seeds, with: Self.mutator) { input, random in
            await harness.feed(input, using: &random)
        }
        await harness.finish()
        #expect(count > 0)
        #expect(harness.problems.isEmpty, "seed \(Self.campaign.seed): \(harness.problems.prefix(5))")
    }
}
