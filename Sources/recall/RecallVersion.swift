/// The version this build reports.
enum RecallVersion {
    static let current = "0.1.0"
}
