import RecallImport

extension RecallError {
    /// The error an import that could read nothing ends with, under the code of the same name.
    public init(_ error: ImportError) {
        switch error.kind {
        case .unreadableFile: self.init(.unreadableFile, error.message)
        case .unrecognizedFormat: self.init(.unrecognizedFormat, error.message)
        case .tooLarge: self.init(.tooLarge, error.message)
        case .outsideAllowedFolders:
            self.init(
                .invalidArgument, error.message, fieldErrors: ["path": "outside the folders Recall may import from"])
        }
    }
}
