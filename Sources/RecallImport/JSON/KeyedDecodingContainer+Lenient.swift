extension KeyedDecodingContainer {
    /// The value for `key`, or nil when it is absent, null, or of another type.
    ///
    /// Exports add, drop and retype optional fields from one year to the next; one odd field
    /// must not cost a whole conversation.
    func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }
}
