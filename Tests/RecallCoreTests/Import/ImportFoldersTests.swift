import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// The folders a server allows `import_chats` to read: `--allow-import` and
    /// `RECALL_IMPORT_DIRS` together, else the Downloads folder.
    @Suite struct ImportFoldersTests {
        let home = ["HOME": "/home/ana"]

        @Test func withoutFlagOrVariableTheDownloadsFolderIsAllowed() {
            #expect(ImportFolders.configured(flags: [], environment: home) == ["/home/ana/Downloads"])
            // Hosts pass an empty setting as "" or as the unexpanded placeholder.
            #expect(
                ImportFolders.configured(
                    flags: [" "], environment: home.merging(["RECALL_IMPORT_DIRS": "${user_config.import_dir}"]) { $1 })
                    == ["/home/ana/Downloads"])
        }

        @Test func flagsAndTheVariableAddUpAndReplaceTheDefault() {
            let environment = home.merging(["RECALL_IMPORT_DIRS": "/srv/exports::~/Chats"]) { $1 }
            #expect(
                ImportFolders.configured(flags: ["~/Desktop/exports", "/srv/exports"], environment: environment)
                    == ["/home/ana/Desktop/exports", "/srv/exports", "/home/ana/Chats"])
        }

        #if os(Linux)
        @Test func theXDGDownloadFolderIsTheDefaultOnLinux() {
            #expect(
                ImportFolders.downloads(environment: home.merging(["XDG_DOWNLOAD_DIR": "/data/dl"]) { $1 })
                    == "/data/dl")
            let dirs =
                "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOWNLOAD_DIR=\"$HOME/Téléchargements\"\n"
            #expect(ImportFolders.xdgDownloadFolder(in: dirs, home: "/home/ana") == "/home/ana/Téléchargements")
            // A disabled folder points at the home folder itself, which is far too wide.
            #expect(ImportFolders.xdgDownloadFolder(in: "XDG_DOWNLOAD_DIR=\"$HOME/\"\n", home: "/home/ana") == nil)
        }
        #endif
    }
}
