/// Why a transformer model file could not be read: only a damaged or foreign build causes it.
package struct TransformerModelError: Error, Sendable {
    /// What is wrong, in words fit for the user.
    package let message: String

    package init(_ message: String) {
        self.message = message
    }
}
