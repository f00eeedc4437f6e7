import RecallCore
import RecallHTTP

extension JSONValue {
    /// Array element access for terse assertions.
    subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// The integer, if this is one.
    var intValue: Int? {
        if case .int(let value) = self { return Int(value) }
        return nil
    }
}
