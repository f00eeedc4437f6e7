import Dispatch
import RecallKernels
import Synchronization

/// One model's vectors for one kind of row (messages or memories), kept in memory in one
/// contiguous buffer and scanned in full for each query: int8·int8 → Int32 dot products over
/// a few hundred bytes per row, split across the cores.
///
/// Loaded lazily on the first search that needs it, then extended with the rows stored since
/// (by this process or another sharing the store): vector rows carry an ever-increasing id,
/// so "what is new" is one indexed range read. A re-embedded row replaces its slot; a deleted
/// row stays until the next full load but is never returned, since every hit is looked up in
/// the store before it is shown.
final class VectorIndex: Sendable {
    /// One stored vector, as the store hands it over.
    struct Row {
        /// The vector row's own id (insertion order).
        var vectorID: Int64
        /// The message or memory id.
        var rowID: Int64
        /// The chat a message is in (filters narrow by chat); 0 for memories.
        var group: Int64
        /// The storage bytes (empty: the text has no vector).
        var bytes: [UInt8]
    }

    /// The state behind the lock.
    private struct Contents {
        var stride = 0
        var bytes: [UInt8] = []
        var rowIDs: [Int64] = []
        var groups: [Int64] = []
        var slots: [Int64: Int] = [:]
        var lastVectorID: Int64 = 0
        var loaded = false
    }

    private let contents = Mutex(Contents())

    /// Past this many vectors a query scans the newest ones plus the candidates it names
    /// (see ``nearest(to:count:groups:alsoRows:)``): a bounded cost at any store size.
    static let defaultScanLimit = 1_000_000

    /// This index's scan limit (tests use a small one).
    let scanLimit: Int

    /// An empty index.
    init(scanLimit: Int = VectorIndex.defaultScanLimit) {
        self.scanLimit = scanLimit
    }

    /// Vector rows up to this id (of any model) have been looked at (0 before the first load).
    var checkedVectorID: Int64 { contents.withLock { $0.lastVectorID } }

    /// How many vectors are loaded.
    var count: Int { contents.withLock { $0.rowIDs.count } }

    /// True once a first load happened.
    var isLoaded: Bool { contents.withLock { $0.loaded } }

    /// Adds rows stored after the last load (ascending vector ids); a row already present
    /// takes its new vector.
    ///
    /// Rows of another size than the first are ignored.
    func extend(with rows: [Row]) {
        contents.withLock { state in
            state.loaded = true
            for row in rows {
                state.lastVectorID = max(state.lastVectorID, row.vectorID)
                if state.stride == 0, !row.bytes.isEmpty { state.stride = row.bytes.count }
                if let slot = state.slots[row.rowID] {
                    let start = slot * state.stride
                    // An empty vector (text with nothing to encode) zeroes the slot: similar to nothing.
                    for offset in 0..<state.stride {
                        state.bytes[start + offset] = row.bytes.count == state.stride ? row.bytes[offset] : 0
                    }
                    state.groups[slot] = row.group
                    continue
                }
                guard row.bytes.count == state.stride, state.stride > 0 else { continue }
                state.slots[row.rowID] = state.rowIDs.count
                state.rowIDs.append(row.rowID)
                state.groups.append(row.group)
                state.bytes.append(contentsOf: row.bytes)
            }
        }
    }

    /// Records that every vector row up to `vectorID` has been looked at.
    func markChecked(upTo vectorID: Int64) {
        contents.withLock { state in
            state.loaded = true
            state.lastVectorID = max(state.lastVectorID, vectorID)
        }
    }

    /// Drops everything, for a full reload.
    func reset() {
        contents.withLock { $0 = Contents() }
    }

    /// The `count` rows most similar to `query`, best first, with their cosines.
    ///
    /// With `groups`,
    /// only rows of those chats count. Past ``scanLimit`` vectors only the newest are scanned,
    /// plus the rows in `alsoRows` (the query's word matches).
    func nearest(to query: PackedVector, count: Int, groups: Set<Int64>? = nil, alsoRows: [Int64] = []) -> [(
        rowID: Int64, score: Float
    )] {
        contents.withLock { state in
            guard state.stride == query.bytes.count, !state.rowIDs.isEmpty, count > 0 else { return [] }
            let total = state.rowIDs.count
            let first = max(0, total - scanLimit)
            let parts = total - first > 20_000 ? 2 : 1
            let bounds = (0...parts).map { first + (total - first) * $0 / parts }
            let found = Mutex<[(Int, Float)]>([])
            state.bytes.withUnsafeBytes { buffer in
                state.groups.withUnsafeBufferPointer { chats in
                    query.bytes.withUnsafeBytes { queryBytes in
                        guard let rows = buffer.baseAddress, let vector = queryBytes.baseAddress,
                            let chats = chats.baseAddress
                        else { return }
                        let scan = RawScan(
                            rows: rows, groups: chats, query: vector, stride: state.stride, scale: query.scale,
                            allowed: groups)
                        DispatchQueue.concurrentPerform(iterations: parts) { part in
                            var best = TopScores(capacity: count)
                            for slot in bounds[part]..<bounds[part + 1] { scan.offer(slot, to: &best) }
                            found.withLock { $0 += best.items }
                        }
                        // Older rows the scan skipped, when the query's words point at them.
                        var older = TopScores(capacity: count)
                        for rowID in alsoRows {
                            if let slot = state.slots[rowID], slot < first { scan.offer(slot, to: &older) }
                        }
                        found.withLock { $0 += older.items }
                    }
                }
            }
            var merged = TopScores(capacity: count)
            for (slot, score) in found.withLock({ $0 }) { merged.offer(slot, score) }
            return merged.sorted.map { (state.rowIDs[$0.0], $0.1) }
        }
    }

    /// The cosine of `query` with each of these rows (rows without a vector are left out).
    func scores(of query: PackedVector, rows: [Int64]) -> [Int64: Float] {
        contents.withLock { state in
            guard state.stride == query.bytes.count else { return [:] }
            let dimensions = state.stride - 4
            var result: [Int64: Float] = [:]
            state.bytes.withUnsafeBytes { buffer in
                query.bytes.withUnsafeBytes { queryBytes in
                    guard let base = buffer.baseAddress, let q = queryBytes.baseAddress else { return }
                    for rowID in rows {
                        guard let slot = state.slots[rowID] else { continue }
                        let row = base + slot * state.stride
                        let bits = UInt32(littleEndian: row.loadUnaligned(fromByteOffset: dimensions, as: UInt32.self))
                        result[rowID] =
                            Float(VectorMath.dot(q, row, count: dimensions)) * query.scale * Float(bitPattern: bits)
                    }
                }
            }
            return result
        }
    }
}

/// Raw views of an index's buffers for one scan, valid while the index's lock is held.
private struct RawScan: @unchecked Sendable {
    // @unchecked: the pointers are only read, and only while the lock that guards them is held.
    let rows: UnsafeRawPointer
    let groups: UnsafePointer<Int64>
    let query: UnsafeRawPointer
    let stride: Int
    let scale: Float
    let allowed: Set<Int64>?

    /// Offers one slot's cosine with the query, unless its chat is filtered out.
    @inline(__always)
    func offer(_ slot: Int, to best: inout TopScores) {
        if let allowed, !allowed.contains(groups[slot]) { return }
        let row = rows + slot * stride
        let dimensions = stride - 4
        let bits = UInt32(littleEndian: row.loadUnaligned(fromByteOffset: dimensions, as: UInt32.self))
        best.offer(slot, Float(VectorMath.dot(query, row, count: dimensions)) * scale * Float(bitPattern: bits))
    }
}

/// The best scores offered so far, at most `capacity` of them.
struct TopScores {
    private(set) var items: [(Int, Float)] = []
    private let capacity: Int
    private var floor = -Float.infinity

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity + 1)
    }

    /// Keeps the item if it is among the best.
    mutating func offer(_ item: Int, _ score: Float) {
        guard score > floor || items.count < capacity else { return }
        items.append((item, score))
        if items.count > capacity * 2 {
            items.sort { $0.1 > $1.1 }
            items.removeLast(items.count - capacity)
            floor = items[items.count - 1].1
        }
    }

    /// The kept items, best first (ties by item, for a stable order).
    var sorted: [(Int, Float)] {
        Array(items.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(capacity))
    }
}
