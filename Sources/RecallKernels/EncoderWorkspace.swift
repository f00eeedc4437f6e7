import Dispatch

/// The buffers of one forward pass, and the threads it may use: each text gets its own, so
/// any number of texts can be encoded at once.
final class EncoderWorkspace: @unchecked Sendable {
    // @unchecked: the buffers are written by several threads only through `split`, which gives
    // each thread its own range of rows; nothing else is shared, and `deinit` runs after all.

    /// The tokens' features between layers (`tokens` × hidden).
    let states: UnsafeMutablePointer<Float>
    /// Attention inputs, per token: queries, keys and values (each `tokens` × hidden).
    let queries: UnsafeMutablePointer<Float>, keys: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>
    /// The heads' outputs side by side (`tokens` × hidden).
    let context: UnsafeMutablePointer<Float>
    /// The attention block's output after its LayerNorm (`tokens` × hidden).
    let attended: UnsafeMutablePointer<Float>
    /// The feed-forward layer's activations (`tokens` × intermediate).
    let expanded: UnsafeMutablePointer<Float>
    /// How many threads the pass shares its work between (1 = the calling thread only).
    let threads: Int

    private let storage: UnsafeMutableRawPointer

    /// Buffers for `tokens` tokens; `threads` > 1 splits every layer's work that many ways.
    init(tokens: Int, hidden: Int, intermediate: Int, threads: Int) {
        let small = tokens * hidden
        let large = tokens * intermediate
        // Each buffer starts on a cache line, so threads writing neighbouring rows of
        // different buffers never share one.
        let stride = (small * 4 + 63) / 64 * 64
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 6 * stride + large * 4, alignment: 64)
        func buffer(_ index: Int) -> UnsafeMutablePointer<Float> {
            (storage + index * stride).bindMemory(to: Float.self, capacity: small)
        }
        self.storage = storage
        states = buffer(0)
        queries = buffer(1)
        keys = buffer(2)
        values = buffer(3)
        context = buffer(4)
        attended = buffer(5)
        expanded = (storage + 6 * stride).bindMemory(to: Float.self, capacity: large)
        self.threads = max(1, threads)
    }

    deinit { storage.deallocate() }

    /// `layer` applied to `tokens` rows of `input`, written to `output`, its output rows shared
    /// between the threads.
    func dense(
        _ layer: DenseLayer, _ input: UnsafePointer<Float>, tokens: Int, into output: UnsafeMutablePointer<Float>
    ) {
        split(layer.outputs, alignedTo: 2) { rows in layer.apply(input, tokens: tokens, into: output, rows: rows) }
    }

    /// Calls `body` with consecutive ranges covering `0..<count`, one per thread (each range but
    /// the last a multiple of `alignment` long), and returns when all have finished.
    func split(_ count: Int, alignedTo alignment: Int, _ body: (Range<Int>) -> Void) {
        let parts = min(threads, max(1, count / max(alignment, 1)))
        guard parts > 1 else { return body(0..<count) }
        let share = (count + parts - 1) / parts
        let step = (share + alignment - 1) / alignment * alignment
        withoutActuallyEscaping(body) { body in
            let shared = SharedBody(call: body)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let start = min(count, part * step)
                let end = part == parts - 1 ? count : min(count, start + step)
                if start < end { shared.call(start..<end) }
            }
        }
    }
}

/// Lets the threads of one `split` call the same closure.
private struct SharedBody: @unchecked Sendable {
    // @unchecked: every call gets its own range of rows, and `concurrentPerform` returns only
    // after all calls have finished, so the closure never outlives `split`.
    let call: (Range<Int>) -> Void
}
