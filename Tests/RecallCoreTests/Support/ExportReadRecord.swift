import Foundation

@testable import RecallCore
@testable import RecallImport

/// Everything one `ExportReader.read` reported, collected for assertions.
struct ExportReadRecord {
    var conversations: [ParsedConversation] = []
    var emittedFiles: [String] = []
    var diagnostics: [ImportDiagnostic] = []
    var progress: [ImportProgress] = []
    var summary = ExportReadSummary()

    var errors: [ImportDiagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [ImportDiagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Reads `path` and records the outcome; a fatal error comes back as the `RecallError` the
    /// core would throw for it.
    static func read(_ path: String, platform: Platform? = nil, limits: ImportLimits = .default) throws -> Self {
        var record = Self()
        do {
            record.summary = try ExportReader(limits: limits).read(
                path: path, platform: platform,
                emit: { conversation, file in
                    record.conversations.append(conversation)
                    record.emittedFiles.append(file)
                },
                diagnostic: { record.diagnostics.append($0) },
                progress: { record.progress.append($0) })
        } catch let error as ImportError {
            throw RecallError(error)
        }
        return record
    }
}

/// A fresh folder under the system temporary directory, removed when the value is released.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("recall-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes a file (creating folders) and returns its path.
    @discardableResult
    func write(_ relative: String, _ contents: Data) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: file)
        return file.path
    }

    /// Writes a UTF-8 text file and returns its path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Data(text.utf8))
    }
}
