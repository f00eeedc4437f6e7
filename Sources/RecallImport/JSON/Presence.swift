/// A lenient wire field that also records whether the export wrote its key: `$field` is true
/// when the key is there, even as `null` or with a value of another type.
///
/// Detection reads some keys only for their presence (DeepSeek's `inserted_at` on a ChatGPT-shaped
/// file, ChatGPT's `author` on a DeepSeek one, Kimi's `parentId`); a value that is null or
/// mistyped still marks the file. When only the key matters, declare the field as `KeyOnly?`,
/// which reads nothing:
///
/// ```swift
/// @Presence var parentID: String?           // parentID: the id, or nil; $parentID: the key is there
/// @Presence private var author: KeyOnly?    // $author: the key is there
/// ```
@propertyWrapper
struct Presence<Value: LenientValue>: Decodable {
    /// The decoded value, or the type's empty value.
    var wrappedValue: Value
    /// Whether the key was there, whatever its value.
    var projectedValue: Bool

    /// Wraps a value and whether its key was there.
    init(wrappedValue: Value, isPresent: Bool = false) {
        self.wrappedValue = wrappedValue
        projectedValue = isPresent
    }

    /// Decodes a value standing alone: there is no key to miss, so it counts as present.
    init(from decoder: any Decoder) throws {
        self.init(wrappedValue: (try? Value(from: decoder)) ?? .lenientEmpty, isPresent: true)
    }
}

/// A field whose value is never read: only its key's presence matters (see `Presence`).
struct KeyOnly: Decodable {
    /// Reads nothing, so the value costs nothing whatever its shape.
    init(from decoder: any Decoder) throws {}
}

extension KeyedDecodingContainer {
    /// Decodes a `Presence` field; the compiler-written `init(from:)` calls this overload
    /// because it is more specific than the generic `decode`.
    func decode<Value>(_ type: Presence<Value>.Type, forKey key: Key) throws -> Presence<Value> {
        Presence(wrappedValue: lenient(Value.self, key) ?? .lenientEmpty, isPresent: contains(key))
    }
}
