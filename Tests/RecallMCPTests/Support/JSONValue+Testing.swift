import RecallCore

extension JSONValue {
    /// Array element access for terse assertions; nil when out of range or not an array.
    subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// Every key used anywhere inside, for checking schemas for forbidden keywords.
    var allKeys: [String] {
        switch self {
        case .object(let object): object.keys + object.values.flatMap(\.allKeys)
        case .array(let array): array.flatMap(\.allKeys)
        default: []
        }
    }
}
