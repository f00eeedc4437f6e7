import RecallCore

/// Ceilings on a tool call's arguments, checked before the schema and before anything decodes
/// them, so an oversized or pathological call costs little and gets a message naming the field.
///
/// They sit far above real use: memory content is capped at 100,000 characters by RecallCore
/// too, and no tool takes more than a few levels of nesting (memory `metadata` is the deepest).
enum ArgumentLimits {
    /// The longest string argument, in characters.
    static let maximumStringCharacters = 100_000
    /// The most items in one array argument.
    static let maximumArrayItems = 10_000
    /// The deepest nesting of arrays and objects, the arguments object itself being level 1.
    static let maximumDepth = 32

    /// The limits `arguments` break; empty when it is within all of them.
    static func problems(in arguments: [String: JSONValue]) -> [ArgumentProblem] {
        var found: [ArgumentProblem] = []
        for (name, value) in arguments.sorted(by: { $0.key < $1.key }) {
            check(value, path: name, depth: 2, into: &found)
        }
        return found
    }

    private static func check(_ value: JSONValue, path: String, depth: Int, into found: inout [ArgumentProblem]) {
        // Stop at the first problem in a branch: a runaway value would otherwise list thousands.
        switch value {
        case .string(let text):
            // Characters never outnumber UTF-8 bytes, so most strings need no counting.
            guard text.utf8.count > maximumStringCharacters else { return }
            let characters = text.count
            if characters > maximumStringCharacters {
                found.append(
                    .init(
                        field: path,
                        problem:
                            "is too large: \(characters) characters, over the limit of \(maximumStringCharacters); split it into smaller pieces"
                    ))
            }
        case .array(let items):
            if items.count > maximumArrayItems {
                found.append(
                    .init(
                        field: path,
                        problem:
                            "is too large: \(items.count) items, over the limit of \(maximumArrayItems); send them in smaller calls"
                    ))
            } else if depth > maximumDepth {
                found.append(.init(field: path, problem: "nests more than \(maximumDepth) levels deep"))
            } else {
                for (index, item) in items.enumerated() {
                    check(item, path: "\(path)[\(index)]", depth: depth + 1, into: &found)
                }
            }
        case .object(let members):
            if depth > maximumDepth {
                found.append(.init(field: path, problem: "nests more than \(maximumDepth) levels deep"))
            } else {
                for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                    check(member, path: "\(path).\(key)", depth: depth + 1, into: &found)
                }
            }
        case .null, .bool, .int, .double:
            return
        }
    }
}
