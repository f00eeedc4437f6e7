import Synchronization

/// How a tool call takes its place among the calls around it.
enum CallKind: Sendable, Equatable {
    /// Changes nothing.
    case read
    /// Changes the store quickly (one short transaction).
    case write
    /// Changes the store over seconds or minutes, committing as it goes: `import_chats`, and
    /// `extract_memories` over chats or an import (or waiting on the client's model).
    case long
}

/// Runs tool calls so that each one sees every write sent before it: a read waits for earlier
/// writes, a write waits for everything earlier.
///
/// Reads between two writes still run together.
///
/// Without this, `cat session.jsonl | recall serve` could answer a search before the memory
/// added on the line above it was stored, because requests run concurrently.
///
/// A long call is the exception, so that it never wedges the session: it waits for every call
/// sent before it, like a write, but nothing sent after it waits for it except the next long
/// call. A read sent during an import answers at once from what the import has committed so
/// far (it commits a batch of conversations at a time), and a short write is stored between
/// two of its batches. A client that needs the whole import before reading waits for its
/// response, as MCP clients do before a call that depends on another.
final class CallOrder: Sendable {
    private struct State {
        var lastWrite: Signal?
        var readsSinceWrite: [Signal] = []
        var lastLong: Signal?
    }

    private let state = Mutex(State())

    /// Takes a place in arrival order.
    ///
    /// Call it when the request is read, not when it runs.
    func admit(_ kind: CallKind) -> Ticket {
        let done = Signal()
        let waitFor = state.withLock { state -> [Signal] in
            switch kind {
            case .read:
                state.readsSinceWrite.append(done)
                return [state.lastWrite].compactMap { $0 }
            case .write:
                let earlier = [state.lastWrite].compactMap { $0 } + state.readsSinceWrite
                state.lastWrite = done
                state.readsSinceWrite = []
                return earlier
            case .long:
                let earlier = [state.lastWrite, state.lastLong].compactMap { $0 } + state.readsSinceWrite
                state.lastLong = done
                return earlier
            }
        }
        return Ticket(waitFor: waitFor, done: done)
    }

    /// A call's place: what it waits for, and the signal it gives when finished.
    ///
    /// A ticket whose call never runs (its id clashed with one in flight, say) still signals
    /// when it is dropped, so it can never hold back the calls after it.
    final class Ticket: Sendable {
        fileprivate let waitFor: [Signal]
        fileprivate let done: Signal

        fileprivate init(waitFor: [Signal], done: Signal) {
            self.waitFor = waitFor
            self.done = done
        }

        deinit { done.fire() }

        /// Runs `body` once every earlier call it depends on has finished; always signals after.
        func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
            defer { done.fire() }
            for signal in waitFor { await signal.wait() }
            return try await body()
        }
    }
}

/// A one-shot event that any number of tasks can wait for.
final class Signal: Sendable {
    private let state = Mutex<(fired: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    /// Wakes every waiter, now and later.
    func fire() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.fired = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once `fire()` has been called.
    func wait() async {
        await withCheckedContinuation { continuation in
            let fired = state.withLock { state -> Bool in
                if !state.fired { state.waiters.append(continuation) }
                return state.fired
            }
            if fired { continuation.resume() }
        }
    }
}
