import Foundation
import RecallCore
import Synchronization

/// Shows import progress on stderr: a redrawn bar on a terminal, a plain line every few
/// seconds otherwise (logs and CI keep a readable record that way).
final class ImportProgressReporter: Sendable {
    private struct State {
        var lastShown = Date.distantPast
        var latest: ImportProgress?
        var barVisible = false
    }

    private let drawsBar: Bool
    private let interval: TimeInterval
    private let state = Mutex(State())

    /// Creates a reporter; `drawsBar` when stderr is a terminal.
    init(drawsBar: Bool) {
        self.drawsBar = drawsBar
        interval = drawsBar ? 0.1 : 5
    }

    /// Runs an import that reports to `update`, and ends the bar's line however the import ends,
    /// so the summary or the error starts on a line of its own.
    func track<Result>(_ body: (@escaping @Sendable (ImportProgress) -> Void) throws -> Result) rethrows -> Result {
        defer { finish() }
        return try body { [self] in update($0) }
    }

    /// Takes one progress report from the import; draws at most once per interval.
    private func update(_ progress: ImportProgress) {
        state.withLock { state in
            state.latest = progress
            let now = Date()
            guard now.timeIntervalSince(state.lastShown) >= interval else { return }
            state.lastShown = now
            show(progress, barVisible: &state.barVisible)
        }
    }

    /// Clears the bar so the summary starts on a clean line.
    private func finish() {
        state.withLock { state in
            if state.barVisible {
                if let latest = state.latest { show(latest, barVisible: &state.barVisible) }
                Console.writeErrorRaw("\n")
                state.barVisible = false
            }
        }
    }

    private func show(_ progress: ImportProgress, barVisible: inout Bool) {
        if drawsBar {
            let width = min(Console.width(of: STDERR_FILENO), 100)
            Console.writeErrorRaw("\r" + Self.bar(progress, width: width) + "\u{1B}[K")
            barVisible = true
        } else {
            Console.writeError("importing: " + Self.status(progress))
        }
    }

    /// `[#######.......]  45%  120 conversations  conversations.json`, fitted to `width`.
    static func bar(_ progress: ImportProgress, width: Int) -> String {
        let status = status(progress)
        guard let fraction = fraction(progress) else { return TextFormat.truncate(status, to: width) }
        let barWidth = min(30, max(10, width / 4))
        let filled = Int((Double(barWidth) * fraction).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
        let percent = String(format: "%3d%%", Int((fraction * 100).rounded(.down)))
        return TextFormat.truncate("[\(bar)] \(percent)  \(status)", to: width)
    }

    /// `120 conversations, 3.1 MB of 12 MB  conversations.json`.
    static func status(_ progress: ImportProgress) -> String {
        var text = TextFormat.count(progress.conversations, "conversation")
        if let total = progress.totalBytes {
            text += ", \(TextFormat.bytes(progress.bytesRead)) of \(TextFormat.bytes(total))"
        } else if progress.bytesRead > 0 {
            text += ", \(TextFormat.bytes(progress.bytesRead))"
        }
        return text + "  " + (progress.file as NSString).lastPathComponent
    }

    private static func fraction(_ progress: ImportProgress) -> Double? {
        guard let total = progress.totalBytes, total > 0 else { return nil }
        return min(1, max(0, Double(progress.bytesRead) / Double(total)))
    }
}
