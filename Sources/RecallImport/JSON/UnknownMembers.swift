/// The members of an object that its wire struct does not name, with their values, in key
/// order: the kinds an API added after this version was written.
///
/// `Known` is the struct's `CodingKeys`; a member whose value is null says nothing and is left out.
struct UnknownMembers<Known: CodingKey> {
    /// The members, by key.
    var members: [(key: String, value: JSONValue)]

    /// Reads every member of the object `decoder` holds that `Known` does not name and that
    /// `ignoring` does not list (bookkeeping such as ids).
    init(from decoder: any Decoder, ignoring: Set<String> = []) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        members = all.allKeys
            .filter { Known(stringValue: $0.stringValue) == nil && !ignoring.contains($0.stringValue) }
            .sorted { $0.stringValue < $1.stringValue }
            .compactMap { key in all.lenient(JSONValue.self, key).map { (key.stringValue, $0) } }
    }
}
