import Foundation

extension ParsedConversation {
    /// The years a stored date may fall in.
    ///
    /// Outside them a timestamp is damage (an export field
    /// overwritten with `1e300`), and SQLite's text dates cannot hold it: GRDB would write an
    /// empty string that no later read can decode, which would lock the chat for good.
    static let storableDates =
        Date(timeIntervalSince1970: -2_208_988_800)...Date(timeIntervalSince1970: 253_402_300_799)

    /// The conversation with dates outside `storableDates` dropped, as if the export had none.
    var withStorableDates: ParsedConversation {
        var copy = self
        copy.createdAt = Self.storable(createdAt)
        copy.updatedAt = Self.storable(updatedAt)
        for index in copy.messages.indices {
            copy.messages[index].createdAt = Self.storable(copy.messages[index].createdAt)
        }
        return copy
    }

    private static func storable(_ date: Date?) -> Date? {
        date.flatMap { storableDates.contains($0) ? $0 : nil }
    }
}
