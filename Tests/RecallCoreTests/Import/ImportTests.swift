import Testing

/// The Import stage's suites, nested here so that `swift test --filter Import` runs them all.
@Suite struct ImportTests {}
