import Foundation

/// libpq's password file: `PGPASSFILE`, else `~/.pgpass`; lines `host:port:database:user:password`.
///
/// The rules are libpq's so that one file serves `psql` and Recall alike: `*` alone matches any
/// value, `\:` and `\\` escape, `#` starts a comment, the first matching line wins, and a file that
/// its group or others may read is ignored. That last case becomes a note, not a line on stderr:
/// RecallCore never prints.
struct PostgresPassFile {
    /// The file's path, or nil when neither `PGPASSFILE` nor `HOME` is set.
    var path: String?

    init(environment: [String: String]) {
        if let file = environment["PGPASSFILE"], !file.isEmpty {
            path = file
        } else if let home = environment["HOME"], !home.isEmpty {
            path = (home as NSString).appendingPathComponent(".pgpass")
        } else {
            path = nil
        }
    }

    /// The password of the first line that matches, and notes on why the file was not used.
    func password(host: String, port: Int, database: String, user: String) -> (password: String?, notes: [String]) {
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            return (nil, [])
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            return (nil, ["The password file \(path) was ignored: it is not a plain file."])
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if mode & 0o077 != 0 {
            let octal = String(mode & 0o777, radix: 8)
            return (
                nil,
                [
                    "The password file \(path) was ignored: its mode 0\(octal) lets others read it; "
                        + "make it 0600 (chmod 600 \(path))."
                ]
            )
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            return (nil, ["The password file \(path) was ignored: it could not be read as UTF-8 text."])
        }
        return (Self.match(text, [host, String(port), database, user]), [])
    }

    /// The password on the first line whose four fields match `wanted`, unescaped.
    static func match(_ text: String, _ wanted: [String]) -> String? {
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = Array(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            if line.isEmpty || line[0] == "#" { continue }
            var index = 0
            var matched = true
            for field in wanted {
                guard let next = matchField(line, from: index, field) else {
                    matched = false
                    break
                }
                index = next
            }
            guard matched else { continue }
            var password = ""
            var position = index
            while position < line.count {
                if line[position] == "\\" && position + 1 < line.count { position += 1 }
                password.append(line[position])
                position += 1
            }
            return password
        }
        return nil
    }

    /// libpq's `pwdfMatchesString`: the index after the field's closing colon when the field at
    /// `start` matches `value`, else nil.
    private static func matchField(_ line: [Character], from start: Int, _ value: String) -> Int? {
        if start + 1 < line.count && line[start] == "*" && line[start + 1] == ":" { return start + 2 }
        let wanted = Array(value)
        var position = start
        var offset = 0
        while position < line.count {
            var escaped = false
            if line[position] == "\\" && position + 1 < line.count {
                position += 1
                escaped = true
            }
            if line[position] == ":" && !escaped && offset == wanted.count { return position + 1 }
            guard offset < wanted.count, line[position] == wanted[offset] else { return nil }
            position += 1
            offset += 1
        }
        return nil
    }
}
