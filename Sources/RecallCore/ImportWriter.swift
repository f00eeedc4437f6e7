import Foundation

/// Writes an import's batches on a thread of its own while the caller reads, parses and
/// encodes the next ones, so reading and writing share the cores instead of taking turns.
///
/// A reader that gets ahead waits until the writer takes its batch, so memory stays flat
/// whatever the export's size. Batches are written in the order they were handed over,
/// each in its own transaction, so every chat stays all-or-nothing. The first error stops the
/// writer; the reader learns it at its next `submit` or at `finish`, and later batches are
/// dropped unwritten (as a sequential import would never have reached them).
final class ImportWriter<Batch: Sendable>: @unchecked Sendable {
    // @unchecked: every mutable field is read and written under `condition` only.

    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var closed = false
    private var done = false
    private var failure: (any Error)?

    /// Starts the writing thread; `write` runs on it, once per batch, in order.
    init(write: @escaping @Sendable (Batch) throws -> Void) {
        let thread = Thread { [self] in run(write) }
        thread.name = "recall-import-writer"
        thread.start()
    }

    /// Hands a batch over, returning once the writer has taken it (the writer has then finished
    /// the batch before it); throws the writer's error, if it failed.
    ///
    /// Waiting for the hand-over, not just for room, keeps at most two batches alive besides the
    /// one the caller is filling: the one being written and the one just handed over.
    func submit(_ batch: Batch) throws {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        queue.append(batch)
        condition.broadcast()
        while !queue.isEmpty, failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    /// Waits until every queued batch is written and the thread has ended.
    ///
    /// Throws the writer's error, if it failed. Call it exactly once.
    func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        if let failure { throw failure }
    }

    private func run(_ write: (Batch) throws -> Void) {
        while let batch = next() {
            do {
                try write(batch)
            } catch {
                condition.lock()
                failure = error
                queue = []
                condition.broadcast()
                condition.unlock()
            }
        }
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; nil once the queue is closed and empty, or failed.
    private func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty, !closed, failure == nil { condition.wait() }
        guard failure == nil, !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }
}
