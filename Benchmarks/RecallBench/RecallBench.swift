import ArgumentParser
import Dispatch
import Synchronization

/// Benchmarks that print figures; nothing here asserts a time.
struct RecallBench: ParsableCommand {
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
            StoreSpeedCommand.self,
            InstructionsCommand.self,
            SearchProbeCommand.self,
            ExtractionLoadCommand.self,
            StaticCommand.self,
            TransformerCommand.self,
            HTTPLoadCommand.self,
        ])
}

/// Runs a command on a main thread that waits on a semaphore rather than parking in
/// `dispatch_main`: valgrind 3.19 crashes on the signal mask that parking passes, and
/// `recall-bench instructions` runs this binary under valgrind.
@main
enum RecallBenchMain {
    static func main() {
        do {
            var command = try RecallBench.parseAsRoot()
            guard let asynchronous = command as? any AsyncParsableCommand else {
                try command.run()
                return
            }
            let failure = Mutex<(any Error)?>(nil)
            let done = DispatchSemaphore(value: 0)
            // The command is used by this one task only, while this thread waits.
            nonisolated(unsafe) var running = asynchronous
            Task {
                do { try await running.run() } catch let error { failure.withLock { $0 = error } }
                done.signal()
            }
            done.wait()
            if let error = failure.withLock({ $0 }) { RecallBench.exit(withError: error) }
        } catch {
            RecallBench.exit(withError: error)
        }
    }
}
