import ArgumentParser

/// Benchmarks that print figures; nothing here asserts a time.
@main
struct RecallBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recall-bench",
        abstract: "Measure Recall: retrieval quality and speed.",
        subcommands: [
            LoCoMoCommand.self,
            MemorySearchCommand.self,
            ParaphraseCommand.self,
            ExtractionCommand.self,
            DurableFactsCommand.self,
            SpeedCommand.self,
            InstructionsCommand.self,
            ExtractionLoadCommand.self,
            StaticCommand.self,
            TransformerCommand.self,
            HTTPLoadCommand.self,
        ])
}
