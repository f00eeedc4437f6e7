import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// Paths resolved as the kernel follows them, existing or not, to decide what may be read.
    @Suite struct PathResolverTests {
        @Test func linksAreFollowedAndAMissingRestIsKeptAsWritten() throws {
            let folder = try TemporaryFolder()
            let root = PathResolver.resolve(folder.path)
            try folder.write("real/a.json", "[]")
            try FileManager.default.createSymbolicLink(atPath: folder.path + "/link", withDestinationPath: "real")
            #expect(PathResolver.resolve(folder.path + "/link/a.json") == root + "/real/a.json")
            #expect(PathResolver.resolve(folder.path + "/link/missing/x.json") == root + "/real/missing/x.json")
            // `..` after a link climbs from where the link leads, as the kernel does.
            try FileManager.default.createSymbolicLink(
                atPath: folder.path + "/deep", withDestinationPath: "real/..//real/./")
            #expect(PathResolver.resolve(folder.path + "/deep/../link/a.json") == root + "/real/a.json")
        }

        @Test func aLinkLoopEndsInsteadOfSpinning() throws {
            let folder = try TemporaryFolder()
            try FileManager.default.createSymbolicLink(atPath: folder.path + "/a", withDestinationPath: "b")
            try FileManager.default.createSymbolicLink(atPath: folder.path + "/b", withDestinationPath: "a")
            #expect(PathResolver.resolve(folder.path + "/a").hasPrefix(PathResolver.resolve(folder.path)))
        }

        @Test func containmentIsByWholeComponents() {
            #expect(PathResolver.contains("/home/ana/Downloads", "/home/ana/Downloads/x.zip"))
            #expect(PathResolver.contains("/home/ana/Downloads", "/home/ana/Downloads"))
            #expect(!PathResolver.contains("/home/ana/Downloads", "/home/ana/Downloads-old/x.zip"))
            #expect(PathResolver.contains("/", "/etc/passwd"))
        }

        @Test func systemFoldersAreRecognisedAtTheTopOnly() {
            #expect(
                PathResolver.isSystem("/proc/kmsg") && PathResolver.isSystem("/dev")
                    && PathResolver.isSystem("/sys/kernel"))
            #expect(!PathResolver.isSystem("/home/ana/proc/notes.md") && !PathResolver.isSystem("/"))
        }
    }
}
