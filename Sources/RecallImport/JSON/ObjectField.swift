/// A wire field read only when it is an object: absent, null or of another type, it is nil,
/// but an object that does not fit fails the whole decode as any strict field does.
///
/// A saved API response wraps its payload in `data.biz_data`; a response without one (an
/// error reply) is still a response, but a payload whose message list is broken is not skipped
/// in silence.
@propertyWrapper
struct ObjectField<Value: Decodable>: Decodable {
    /// The decoded object, or nil when the field holds none.
    var wrappedValue: Value?

    /// Wraps a value.
    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    /// Decodes a value standing alone: an object, or nil for anything else.
    init(from decoder: any Decoder) throws {
        guard (try? decoder.container(keyedBy: AnyKey.self)) != nil else {
            self.init(wrappedValue: nil)
            return
        }
        self.init(wrappedValue: try Value(from: decoder))
    }
}

extension KeyedDecodingContainer {
    /// Decodes an `ObjectField`; the compiler-written `init(from:)` calls this overload because
    /// it is more specific than the generic `decode`.
    func decode<Value>(_ type: ObjectField<Value>.Type, forKey key: Key) throws -> ObjectField<Value> {
        guard (try? nestedContainer(keyedBy: AnyKey.self, forKey: key)) != nil else {
            return ObjectField(wrappedValue: nil)
        }
        return ObjectField(wrappedValue: try decode(Value.self, forKey: key))
    }
}
