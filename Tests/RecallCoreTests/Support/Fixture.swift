import Foundation

@testable import RecallCore
@testable import RecallImport

/// Hand-written test fixtures bundled with the tests, and the shared real exports when present.
enum Fixture {
    /// The path of a bundled fixture, e.g.
    ///
    /// `path("chatgpt/branches.json")`.
    static func path(_ relative: String) -> String {
        guard let root = Bundle.module.resourceURL else { return relative }
        return root.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    /// The bytes of a bundled fixture.
    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(relative)))
    }

    /// The elements of a bundled fixture's conversation list, as the splitter cuts them.
    static func elements(_ relative: String) throws -> [Data] {
        var splitter = JSONArraySplitter(maxElementSize: 1 << 26)
        var result: [Data] = []
        try splitter.feed(try data(relative)) { event in
            if case .element(let element) = event { result.append(element.data) }
        }
        return result
    }

    /// `shared/fixtures/exports`, beside the package root, when this checkout has it.
    static let sharedExports: URL? = {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let exports = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/exports")
        return FileManager.default.fileExists(atPath: exports.path) ? exports : nil
    }()

    /// `shared/datasets`, beside the package root, when this checkout has it.
    static let sharedDatasets: URL? = {
        let datasets = (sharedExports ?? URL(fileURLWithPath: "/nonexistent")).deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("datasets")
        return FileManager.default.fileExists(atPath: datasets.path) ? datasets : nil
    }()
}
