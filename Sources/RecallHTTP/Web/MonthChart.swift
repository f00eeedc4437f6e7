import Foundation
import RecallCore

/// Messages and memories per month as an inline SVG bar chart, drawn on the server (no script,
/// nothing fetched).
///
/// Each month has two bars; each series has its own scale, since messages
/// outnumber memories by far and would flatten them.
enum MonthChart {
    /// Months drawn at most: the latest ones.
    static let maximumMonths = 36

    /// The chart, or a sentence when there is nothing to draw.
    static func render(_ months: [MonthActivity]) -> HTML {
        let shown = Array(months.suffix(maximumMonths))
        guard !shown.isEmpty else { return "<p>Nothing dated yet.</p>" }
        let width = 720.0
        let height = 220.0
        let top = 10.0
        let bottom = 30.0
        let left = 8.0
        let slot = (width - left * 2) / Double(shown.count)
        let bar = max(1, slot * 0.38)
        let most = (
            messages: Double(max(1, shown.map(\.messages).max() ?? 1)),
            memories: Double(max(1, shown.map(\.memories).max() ?? 1))
        )
        let plot = height - top - bottom
        var parts: [HTML] = [
            "<line x1=\"\(f(left))\" y1=\"\(f(height - bottom))\" x2=\"\(f(width - left))\" y2=\"\(f(height - bottom))\"/>"
        ]
        let labelEvery = max(1, Int((Double(shown.count) / 12).rounded(.up)))
        for (index, month) in shown.enumerated() {
            let x = left + Double(index) * slot + slot * 0.1
            let messages = plot * Double(month.messages) / most.messages
            let memories = plot * Double(month.memories) / most.memories
            parts.append(
                "<rect class=\"messages\" x=\"\(f(x))\" y=\"\(f(height - bottom - messages))\" width=\"\(f(bar))\" height=\"\(f(messages))\"><title>\(month.month): \(month.messages) messages</title></rect>"
            )
            parts.append(
                "<rect class=\"memories\" x=\"\(f(x + bar))\" y=\"\(f(height - bottom - memories))\" width=\"\(f(bar))\" height=\"\(f(memories))\"><title>\(month.month): \(month.memories) memories</title></rect>"
            )
            if index % labelEvery == 0 {
                parts.append("<text x=\"\(f(x))\" y=\"\(f(height - bottom + 16))\">\(month.month)</text>")
            }
        }
        let summary = shown.map { "\($0.month): \($0.messages) messages, \($0.memories) memories" }.joined(
            separator: "; ")
        return """
            <div class="legend"><span><span class="swatch messages"></span> messages (most \(Int(most.messages)) a month)</span><span><span class="swatch memories"></span> memories (most \(Int(most.memories)) a month)</span></div>
            <svg class="chart" viewBox="0 0 \(f(width)) \(f(height))" role="img" aria-label="Messages and memories per month. \(summary)">\(parts)</svg>
            """
    }

    private static func f(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
