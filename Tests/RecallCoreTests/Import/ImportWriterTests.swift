import Foundation
import Synchronization
import Testing

@testable import RecallCore

extension ImportTests {
    /// The writer thread of an import: batches in order, and the first failure stops it and
    /// reaches the reader.
    @Suite struct ImportWriterTests {
        struct Refused: Error, Equatable {}

        @Test func writesEveryBatchInTheOrderHandedOver() throws {
            let written = Mutex<[Int]>([])
            let writer = ImportWriter<Int> { batch in written.withLock { $0.append(batch) } }
            for batch in 0..<50 { try writer.submit(batch) }
            try writer.finish()
            #expect(written.withLock { $0 } == Array(0..<50))
        }

        @Test func theFirstFailureStopsTheWriterAndReachesTheReader() throws {
            let written = Mutex<[Int]>([])
            let writer = ImportWriter<Int> { batch in
                if batch == 2 { throw Refused() }
                written.withLock { $0.append(batch) }
            }
            var refusedAt: Int?
            for batch in 0..<10 {
                do {
                    try writer.submit(batch)
                } catch {
                    #expect(error is Refused)
                    refusedAt = batch
                    break
                }
            }
            #expect(throws: Refused.self) { try writer.finish() }
            // The failed batch and everything after it stay unwritten; the reader learns of it
            // at the next hand-over at the latest.
            #expect(written.withLock { $0 } == [0, 1])
            #expect(refusedAt.map { $0 <= 3 } ?? true)
        }
    }
}
