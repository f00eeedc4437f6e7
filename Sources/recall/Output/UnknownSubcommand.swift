/// A first argument that names no subcommand: `recall serach tea` says so, and suggests the
/// closest name, instead of ArgumentParser's "Unexpected argument".
struct UnknownSubcommand {
    /// What was typed.
    let name: String
    /// Every subcommand there is.
    let known: [String]

    /// Nil when the first argument is an option or a known subcommand (the mistake is elsewhere).
    init?(arguments: [String], known: [String]) {
        guard let first = arguments.first, !first.hasPrefix("-"), !known.contains(first) else { return nil }
        name = first
        self.known = known
    }

    /// The message, such as `Error: Unknown subcommand 'serach'. Did you mean 'search'? …`.
    var message: String {
        let close = known.map { ($0, Self.distance(name.lowercased(), $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
        let suggestion = close.map { " Did you mean '\($0)'?" } ?? ""
        return """
            Error: Unknown subcommand '\(name)'.\(suggestion)
            Subcommands: \(known.filter { $0 != "help" }.joined(separator: ", ")). See 'recall --help'.
            """
    }

    /// Edit distance (insertions, deletions, substitutions) between two short words.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
