import RecallCore

/// How a read that lists items is cut to fit the result limit instead of being refused.
///
/// Paging cannot help when one item alone is over the limit: a stored memory of 60,000
/// characters made every page that holds it too large, even at `limit: 1`, so the model could
/// neither see it nor page past it. So long strings inside the listed items are cut, each
/// marked with how much is missing and where the whole item can be read; members outside the
/// list (`next_cursor`, `total`) are kept as they are, so paging goes on working.
struct ReadClipping: Sendable {
    /// The output member that holds the items (`memories`, `results`).
    var list: String
    /// Where the whole of one item can be read, for its markers.
    var whereWhole: @Sendable (_ item: [String: JSONValue]) -> String

    /// Where a memory can be read whole: its resource, which no result limit applies to.
    static func wholeMemory(_ item: [String: JSONValue]) -> String {
        guard let id = item["id"]?.stringValue else { return "read the memory's resource, recall://memory/{id}" }
        return "the whole memory is the resource recall://memory/\(id)"
    }
}
