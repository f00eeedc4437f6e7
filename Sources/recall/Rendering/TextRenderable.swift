/// A result the CLI can print for a person (the `--json` form comes from `Encodable`).
protocol TextRenderable {
    /// The result as aligned, human-readable text.
    func renderText() -> String
}
