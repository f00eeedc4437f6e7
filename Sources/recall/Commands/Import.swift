import ArgumentParser
import RecallCore

extension RecallCommand {
    /// `recall import`: bring a chat export into the store.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a chat export: a ZIP, JSON, HTML, TXT/MD file, or a folder.",
            discussion: "The platform is detected from the content. Importing the same export again changes nothing."
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: ArgumentHelp("The export to import.", valueName: "path"))
        var path: String

        @Option(help: "Read the export as this platform instead of detecting it.")
        var platform: Platform?

        @Option(help: "Put every imported chat in this bucket.")
        var bucket: String?

        @Flag(help: "Extract memories from the imported messages.")
        var extract = false

        func run() throws {
            let request = ImportRequest(
                path: StoreLocation.expand(path), platform: platform, bucket: bucket, extract: extract)
            let recall = try store.makeRecall(creatingFolder: true)
            let summary = try ImportProgressReporter(drawsBar: Console.stderrIsTerminal).track { progress in
                try recall.importChats(request, progress: progress)
            }
            try store.emit(summary)
        }
    }
}
