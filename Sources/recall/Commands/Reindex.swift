import ArgumentParser
import Foundation
import RecallCore

extension RecallCommand {
    /// `recall reindex`: gives every message and memory without a vector its vector.
    struct Reindex: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Make the vectors that semantic search needs for a store written before it, or after a model change.",
            discussion: """
                Safe to interrupt and run again: it carries on where it stopped. Progress goes to stderr. \
                A running `recall serve` does the same in the background on its first search.
                """)

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if store.noSemantic { throw ValidationError("--no-semantic makes no vectors; leave it out to reindex.") }
        }

        func run() throws {
            let recall = try store.makeRecall()
            guard recall.semantic.isOn else {
                throw RecallError(.invalidArgument, "RECALL_SEMANTIC=off makes no vectors; unset it to reindex.")
            }
            let reporter = ReindexProgressLine(drawsBar: Console.stderrIsTerminal)
            let summary = try recall.reindex { reporter.show($0) }
            reporter.finish()
            try store.emit(summary)
        }
    }
}

/// Reindex progress on stderr: one redrawn line on a terminal, a line per few thousand rows otherwise.
final class ReindexProgressLine: @unchecked Sendable {
    // @unchecked: `show` is called from the reindex's thread only, `finish` after it returned.
    private let drawsBar: Bool
    private var lastLine = 0
    private var visible = false

    init(drawsBar: Bool) {
        self.drawsBar = drawsBar
    }

    /// Shows one report.
    func show(_ progress: ReindexProgress) {
        let percent = progress.total > 0 ? min(100, progress.done * 100 / progress.total) : 100
        let text = "embedding \(progress.kind) (\(progress.model)): \(progress.done) of \(progress.total), \(percent)%"
        if drawsBar {
            Console.writeErrorRaw("\r" + text + "\u{1B}[K")
            visible = true
        } else if progress.done == 0 || progress.done - lastLine >= 5_000 || progress.done >= progress.total {
            Console.writeError(text)
            lastLine = progress.done
        }
    }

    /// Ends the redrawn line.
    func finish() {
        if visible { Console.writeErrorRaw("\n") }
    }
}

extension ReindexSummary: TextRenderable {
    func renderText() -> String {
        """
        Messages: \(messagesWithVectors) of \(messages) have a vector (\(messagesEmbedded) made now)
        Memories: \(memoriesWithVectors) of \(memories) have their vectors (\(memoryVectorsEmbedded) made now)
        """
    }
}
