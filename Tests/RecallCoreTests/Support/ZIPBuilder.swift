import Foundation
import ZIPFoundation

/// Writes ZIP archives for tests, including hostile ones.
enum ZIPBuilder {
    /// One member to write.
    struct Member {
        var path: String
        var data: Data
        var type: Entry.EntryType = .file
        var compressed = true
        /// Bytes produced lazily, for members too big to hold (a bomb of zeros).
        var zeros: Int?
    }

    /// Writes `members` to a new archive at `url`.
    static func write(_ members: [Member], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for member in members {
            let size = Int64(member.zeros ?? member.data.count)
            try archive.addEntry(
                with: member.path, type: member.type, uncompressedSize: size,
                compressionMethod: member.compressed && member.type == .file ? .deflate : .none,
                provider: { position, length in
                    if member.zeros != nil { return Data(count: length) }
                    let start = Int(position)
                    return member.data.subdata(in: start..<min(member.data.count, start + length))
                })
        }
    }

    /// Rewrites the uncompressed size recorded for the first member in the central directory,
    /// to make the header lie about how far the member expands.
    static func patchDeclaredSize(of url: URL, to size: UInt32) throws {
        var bytes = try Data(contentsOf: url)
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        guard let start = bytes.firstRange(of: signature)?.lowerBound else { return }
        withUnsafeBytes(of: size.littleEndian) { bytes.replaceSubrange(start + 24..<start + 28, with: $0) }
        try bytes.write(to: url)
    }
}
