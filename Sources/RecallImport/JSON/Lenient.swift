/// A wire field that decodes leniently: absent, null or of another type, it takes its empty
/// value (nil, or an empty list) instead of failing the conversation.
///
/// Exports add, drop and retype optional fields from one year to the next; one odd field must
/// not cost a whole conversation. Declared on a wire struct's property, it lets the compiler
/// write the struct's `init(from:)`:
///
/// ```swift
/// struct Message: Decodable {
///     var uuid: String                     // required: a bad one skips the conversation
///     @Lenient var text: String?           // nil when absent or not a string
///     @Lenient var files: [FileReference]  // [] when absent or not a list of them
/// }
/// ```
@propertyWrapper
struct Lenient<Value: LenientValue>: Decodable {
    /// The decoded value, or the type's empty value.
    var wrappedValue: Value

    /// Wraps a value.
    init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    /// Decodes a value standing alone (outside a keyed container), leniently too.
    init(from decoder: any Decoder) throws {
        wrappedValue = (try? Value(from: decoder)) ?? .lenientEmpty
    }
}

/// A type a `Lenient` field can hold: decodable, with a value for "absent or unreadable".
protocol LenientValue: Decodable {
    /// What the field holds when the export leaves it out or gets it wrong.
    static var lenientEmpty: Self { get }
}

extension Optional: LenientValue where Wrapped: Decodable {
    /// Nothing.
    static var lenientEmpty: Self { nil }
}

extension Array: LenientValue where Element: Decodable {
    /// An empty list.
    static var lenientEmpty: Self { [] }
}

extension KeyedDecodingContainer {
    /// Decodes a `Lenient` field: what the compiler-written `init(from:)` calls for one, since
    /// this overload is more specific than the generic `decode`.
    func decode<Value>(_ type: Lenient<Value>.Type, forKey key: Key) throws -> Lenient<Value> {
        Lenient(wrappedValue: lenient(Value.self, key) ?? .lenientEmpty)
    }
}
