/// A plain-text table with aligned columns, sized to the terminal.
///
/// ```swift
/// var table = TextTable(columns: [.init("ID"), .init("SCORE", alignment: .right), .init("SNIPPET", flexible: true)])
/// table.append(["mem_1", "0.93", "Prefers dark roast coffee"])
/// print(table.render(width: 100))
/// ```
struct TextTable {
    /// One column: a header, how to align, and whether it takes the width left over.
    struct Column {
        /// Which edge cells hug; numbers read best right-aligned.
        enum Alignment { case left, right }

        /// The header.
        var title: String
        /// Which edge cells hug.
        var alignment: Alignment
        /// A flexible column shrinks to fit the width; others keep their content's width.
        var flexible: Bool
        /// The widest a fixed column may grow.
        var maxWidth: Int

        /// Creates a column; fixed and left-aligned unless told otherwise.
        init(_ title: String, alignment: Alignment = .left, flexible: Bool = false, maxWidth: Int = 40) {
            self.title = title
            self.alignment = alignment
            self.flexible = flexible
            self.maxWidth = maxWidth
        }
    }

    /// The columns, left to right.
    var columns: [Column]
    /// The rows appended so far, one cell per column.
    private(set) var rows: [[String]] = []

    /// Creates an empty table.
    init(columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; cells are made single-line, missing cells are blank.
    mutating func append(_ cells: [String]) {
        rows.append(columns.indices.map { $0 < cells.count ? TextFormat.oneLine(cells[$0]) : "" })
    }

    /// The table as lines of at most `width` terminal columns (flexible columns permitting).
    func render(width: Int) -> String {
        let gap = 2
        var widths = columns.indices.map { index in
            // Columns, not characters: a CJK character takes two, so rows stay aligned.
            let natural = rows.map { DisplayWidth.of($0[index]) }.max() ?? 0
            let wanted = max(DisplayWidth.of(columns[index].title), natural)
            return columns[index].flexible
                ? wanted : min(wanted, max(columns[index].maxWidth, DisplayWidth.of(columns[index].title)))
        }
        let flexible = columns.indices.filter { columns[$0].flexible }
        if !flexible.isEmpty {
            let fixed = columns.indices.filter { !columns[$0].flexible }.map { widths[$0] }.reduce(0, +)
            let room = max(12 * flexible.count, width - fixed - gap * (columns.count - 1))
            let share = room / flexible.count
            for index in flexible { widths[index] = min(widths[index], share) }
        }
        var lines = [line(columns.map(\.title), widths: widths)]
        lines += rows.map { line($0, widths: widths) }
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        let padded = cells.indices.map { index -> String in
            let cell = TextFormat.truncate(cells[index], to: widths[index])
            let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
            let isLast = index == cells.count - 1
            switch columns[index].alignment {
            case .left: return isLast ? cell : cell + padding
            case .right: return padding + cell
            }
        }
        return padded.joined(separator: "  ")
    }
}
