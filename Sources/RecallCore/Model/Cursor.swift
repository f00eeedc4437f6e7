import Foundation

/// Opaque page cursors: base64url of a small tagged payload, so callers cannot depend on the shape.
enum Cursor {
    /// A cursor for an offset into a ranked list.
    static func offset(_ value: Int, tag: String) -> String {
        encode("\(tag):\(value)")
    }

    /// The offset in a cursor made by `offset(_:tag:)`, or an invalid-argument error.
    static func decodeOffset(_ cursor: String?, tag: String, field: String = "cursor") throws -> Int {
        guard let cursor, !cursor.isEmpty else { return 0 }
        guard let text = decode(cursor), text.hasPrefix(tag + ":"), let value = Int(text.dropFirst(tag.count + 1)),
            value >= 0
        else {
            throw RecallError.invalid(
                field, "not a cursor from this tool; pass next_cursor exactly as returned, or omit it to start over")
        }
        return value
    }

    private static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ cursor: String) -> String? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
