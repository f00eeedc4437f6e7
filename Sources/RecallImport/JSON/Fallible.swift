/// A wire field whose value may be unreadable without costing the object that holds it: it
/// reads as nil, and `$field` says why.
///
/// A conversation node whose `message` is malformed is still a node: its replies keep their
/// parent, and the parser reports the message it skipped in the decoder's own words.
///
/// ```swift
/// @Fallible var message: Message?   // nil when absent, null or unreadable; $message: why unreadable
/// ```
@propertyWrapper
struct Fallible<Value: Decodable>: Decodable {
    /// The decoded value; nil when absent, null or unreadable.
    var wrappedValue: Value?
    /// Why the value could not be read (`DecodingError.summary`), when it was there but malformed.
    var projectedValue: String?

    /// Wraps a value, or the reason there is none.
    init(wrappedValue: Value?, problem: String? = nil) {
        self.wrappedValue = wrappedValue
        projectedValue = problem
    }

    /// Decodes a value standing alone (outside a keyed container).
    init(from decoder: any Decoder) throws {
        do {
            let isNull = try decoder.singleValueContainer().decodeNil()
            self.init(wrappedValue: isNull ? nil : try Value(from: decoder))
        } catch let error as DecodingError {
            self.init(wrappedValue: nil, problem: error.summary)
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes a `Fallible` field, catching decoding errors only.
    ///
    /// The compiler-written `init(from:)` calls this overload because it is more specific than
    /// the generic `decode`.
    func decode<Value>(_ type: Fallible<Value>.Type, forKey key: Key) throws -> Fallible<Value> {
        do {
            return Fallible(wrappedValue: try decodeIfPresent(Value.self, forKey: key))
        } catch let error as DecodingError {
            return Fallible(wrappedValue: nil, problem: error.summary)
        }
    }
}
