import Foundation

/// How long a fuzz test runs and which inputs it starts from.
///
/// In CI every target replays its corpus and regressions, then mutates for a few seconds with a
/// fixed seed (so a failure reproduces). By hand, `RECALL_FUZZ_SECONDS` runs longer,
/// `RECALL_FUZZ_SEED` picks another sequence, and each input is written to
/// `<tmp>/recall-fuzz-<target>.last` before it runs, so a crash leaves the input behind; copy it
/// into `Fuzz/Regressions/<target>/` to keep it as a regression test.
struct FuzzCampaign {
    /// The target's name: its folder under `Fuzz/Corpus` and `Fuzz/Regressions`.
    let target: String
    /// Seconds of mutation after the corpus.
    let seconds: Double
    /// The seed of the mutation sequence.
    let seed: UInt64
    /// Whether each input is saved before it runs (long runs by hand).
    let savesInputs: Bool

    /// The campaign for a target, from the environment.
    init(target: String, ciSeconds: Double = 4) {
        self.target = target
        let environment = ProcessInfo.processInfo.environment
        let requested = environment["RECALL_FUZZ_SECONDS"].flatMap(Double.init)
        seconds = requested ?? ciSeconds
        savesInputs = requested != nil
        seed = environment["RECALL_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_2026
    }

    /// The repository's `Fuzz` folder.
    static var fuzzFolder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz")
    }

    /// The seed inputs: `Fuzz/Corpus/<target>` plus any extra folders, each file one input.
    func corpus(extraFolders: [URL] = []) -> [(name: String, bytes: [UInt8])] {
        inputs(in: [Self.fuzzFolder.appendingPathComponent("Corpus/\(target)")] + extraFolders)
    }

    /// Inputs that once broke something, kept so they never do again.
    func regressions() -> [(name: String, bytes: [UInt8])] {
        inputs(in: [Self.fuzzFolder.appendingPathComponent("Regressions/\(target)")])
    }

    /// Runs `body` on mutations of `seeds` until the time is up; returns how many ran.
    @discardableResult
    func mutate(
        _ seeds: [[UInt8]], with mutator: Mutator, _ body: ([UInt8], inout SeededGenerator) async throws -> Void
    ) async rethrows -> Int {
        var random = SeededGenerator(seed: seed)
        let deadline = Date().addingTimeInterval(seconds)
        var count = 0
        while Date() < deadline, !seeds.isEmpty {
            let base = seeds[Int.random(in: 0..<seeds.count, using: &random)]
            let input = mutator.mutate(base, others: seeds, using: &random)
            if savesInputs { save(input) }
            try await body(input, &random)
            count += 1
        }
        return count
    }

    private func save(_ input: [UInt8]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recall-fuzz-\(target).last")
        try? Data(input).write(to: url)
    }

    private func inputs(in folders: [URL]) -> [(name: String, bytes: [UInt8])] {
        var found: [(String, [UInt8])] = []
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") && name != "README.md" {
                if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
                    found.append((name, Array(data)))
                }
            }
        }
        return found
    }
}
