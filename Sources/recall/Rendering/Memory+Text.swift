import RecallCore

extension Memory: TextRenderable {
    func renderText() -> String {
        let replaces = supersedes.map { ", replacing \($0)" } ?? ""
        return "Memory \(id)\(replaces):\n\n" + MemoryTable.render([self])
            + (bucket.map { "\n\nBucket: \($0)" } ?? "")
    }
}
