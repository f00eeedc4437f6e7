import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// Detection is one table of disjoint content signatures: every export fixture is claimed
    /// by exactly one format, and the files that sit beside exports by none, so the table's
    /// order decides nothing.
    @Suite struct ExportFormatTableTests {
        /// Bundled fixtures that sit beside an export and are no export themselves. (A file
        /// such as `transcript/notes.md` is claimed by the transcript format and then refused by
        /// its parser: claiming decides which parser reads a file, not whether it succeeds.)
        static let notExports: Set<String> = [
            "chatgpt-shards/conversations.json.index", "chatgpt-shards/export_manifest.json",
            "chatgpt-shards/user_settings.json", "durable-head-samples.json",
        ]

        /// Every bundled fixture file outside `semantic/`, relative to the fixtures folder.
        static var fixtureFiles: [String] {
            let root = URL(fileURLWithPath: Fixture.path(""))
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
            var files: [String] = []
            while let url = enumerator?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
                if relative.hasPrefix("semantic/") || relative.hasPrefix(".") { continue }
                files.append(relative)
            }
            return files.sorted()
        }

        /// The formats whose signature claims a file: JSON by its first element, text by its beginning.
        static func claimants(_ data: Data) -> [ExportFormatTable.Entry] {
            var splitter = JSONArraySplitter(maxElementSize: 1 << 26)
            var first: Data?
            try? splitter.feed(data) { event in
                if first == nil, case .element(let element) = event { first = element.data }
            }
            if let first { return ExportFormatTable.entries.filter { $0.claims(element: first) } }
            let head = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
            return ExportFormatTable.entries.filter { $0.claims(text: head) }
        }

        @Test func theFixturesAreFound() {
            let files = Self.fixtureFiles
            #expect(files.contains("chatgpt/branches.json"), "\(files)")
            #expect(files.count > 20)
            #expect(Self.notExports.isSubset(of: Set(files)), "a listed non-export fixture is gone")
        }

        @Test func eachExportFixtureIsClaimedByExactlyOneFormat() throws {
            for file in Self.fixtureFiles {
                let claimants = Self.claimants(try Fixture.data(file))
                let expected = Self.notExports.contains(file) ? 0 : 1
                #expect(claimants.count == expected, "\(file): claimed by \(claimants.map { "\($0)" })")
            }
        }

        @Test func eachSharedExportIsClaimedByAtMostOneFormat() throws {
            guard let exports = Fixture.sharedExports else {
                print("skipped: shared/fixtures/exports is not beside this checkout")
                return
            }
            let enumerator = FileManager.default.enumerator(
                at: exports, includingPropertiesForKeys: [.isRegularFileKey])
            var checked = 0
            while let url = enumerator?.nextObject() as? URL {
                guard ["json", "html", "md", "txt"].contains(url.pathExtension.lowercased()),
                    let data = try? Data(contentsOf: url), data.count < 64 << 20
                else { continue }
                let claimants = Self.claimants(data)
                #expect(claimants.count <= 1, "\(url.lastPathComponent): claimed by \(claimants.map { "\($0)" })")
                checked += 1
            }
            #expect(checked > 0)
        }

        @Test func everyPlatformWithAParserIsInTheTable() {
            let platforms = Set(ExportFormatTable.entries.map(\.platform))
            #expect(platforms == [.chatgpt, .claude, .deepseek, .gemini, .grok, .kimi, .transcript])
        }
    }
}
