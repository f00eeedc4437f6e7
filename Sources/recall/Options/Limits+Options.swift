import ArgumentParser
import RecallCore

extension ClosedRange<Int> {
    /// The range as option help shows it, such as `1–50`.
    var span: String { "\(lowerBound)–\(upperBound)" }

    /// Throws the option's usage error unless `value` is in this range (one of the bounds in
    /// `Limits`), so a bad value is refused before the store is opened.
    func check(_ value: Int, option: String) throws {
        guard contains(value) else {
            throw ValidationError("\(option) must be between \(lowerBound) and \(upperBound).")
        }
    }
}
