import Foundation

/// An array element that may be malformed or null: it costs itself, not the whole array.
struct LossyElement<Value: Decodable>: Decodable {
    var value: Value?
    /// Why the element was dropped, in words that follow its name ("is null", "could not be read (…)").
    var problem: String?

    init(from decoder: any Decoder) throws {
        if (try? decoder.singleValueContainer().decodeNil()) == true {
            problem = "is null"
            return
        }
        do {
            value = try Value(from: decoder)
        } catch let error as DecodingError {
            problem = "could not be read (\(error.summary))"
        }
    }
}
