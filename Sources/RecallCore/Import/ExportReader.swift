// Placeholder until the import stage lands.
struct ExportReader: Sendable {
    func read(path: String, platform: Platform?, emit: (ParsedConversation, _ file: String) throws -> Void, diagnostic: (ImportDiagnostic) -> Void, progress: (ImportProgress) -> Void) throws -> ExportReadSummary {
        throw RecallError(.unrecognizedFormat, "not yet")
    }
}
struct ExportReadSummary: Sendable { var platforms: Set<Platform>; var files: [String]; var skipped: Int }
