/// A wire list that keeps the elements it can read: a null or malformed element costs itself,
/// not the list; `$field` says which were dropped and why.
///
/// Each element is converted once, while decoding (a Grok card parses the JSON text it is
/// written as), so reading the field later redoes nothing. The field is a list, empty when the
/// key is absent or not a list, or an optional list, nil then:
///
/// ```swift
/// @Lossy var fragments: [Fragment]?   // $fragments: ["fragments[2] is null"]
/// @Lossy var cards: [Card]
/// ```
@propertyWrapper
struct Lossy<Value: LossyList>: Decodable {
    /// The elements that could be read.
    var wrappedValue: Value
    /// One line per dropped element, naming it by key and index: `fragments[2] is null`.
    var projectedValue: [String]

    /// Wraps a list, with the reasons elements were dropped from it.
    init(wrappedValue: Value, problems: [String] = []) {
        self.wrappedValue = wrappedValue
        projectedValue = problems
    }

    /// Decodes a list standing alone (outside a keyed container).
    init(from decoder: any Decoder) throws {
        let entries = try? [LossyElement<Value.Element>](from: decoder)
        self.init(wrappedValue: Value(readable: entries?.compactMap(\.value)))
    }
}

/// What a `Lossy` field can hold: a list, or an optional list.
protocol LossyList {
    /// The type of one element.
    associatedtype Element: Decodable
    /// The field's value from the elements read, or from nil when there was no list.
    init(readable: [Element]?)
}

extension Array: LossyList where Element: Decodable {
    /// The elements read; empty when there was no list.
    init(readable: [Element]?) { self = readable ?? [] }
}

extension Optional: LossyList where Wrapped: LossyList {
    /// The elements read; nil when there was no list.
    init(readable: [Wrapped.Element]?) { self = readable.map(Wrapped.init(readable:)) }
}

extension KeyedDecodingContainer {
    /// Decodes a `Lossy` field; the compiler-written `init(from:)` calls this overload because
    /// it is more specific than the generic `decode`.
    func decode<Value>(_ type: Lossy<Value>.Type, forKey key: Key) throws -> Lossy<Value> {
        let entries = lenient([LossyElement<Value.Element>].self, key)
        let problems = (entries ?? []).enumerated().compactMap { index, entry in
            entry.problem.map { "\(key.stringValue)[\(index)] \($0)" }
        }
        return Lossy(wrappedValue: Value(readable: entries?.compactMap(\.value)), problems: problems)
    }
}
